# corpus: edge: float repr/str shortest round-trip printing: 0.1+0.2, 1e16, -0.0, 1/3, exponents, inf, nan
import math

VALUES: list[float] = [
    0.1 + 0.2, 1e16, 1e15, -0.0, 1 / 3, 2 / 3, 2.5e-5, 1e-4, 1e-5, 100.0,
    123456789012345678.0, 1.7976931348623157e308, 5e-324, 3.0 * 1.1, 0.1 * 3, 1e22, 1e21, 12345.6789,
]


def main() -> None:
    for v in VALUES:
        print(v)
    print(float(10 ** 15), float(10 ** 16), float(-7))
    print(math.inf, -math.inf, float("inf"), float("nan"))
    print(str(0.5), str(-1.25), f"{2.0}", f"{1e100}")
    print([0.1, 1e-7, 1e16], (0.5, -0.0))
    print(1.0 == 1, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))
    print(f"{1 / 3:.3f} {2 / 3:.3f} {1e16:.1f} {-0.0:.2f} {2.5e-5:.6f}")
    print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {3.5:.0f} {-0.5:.0f}")
    print(f"{1234567.891:,.2f} {0.000123:.2f} {99.995:.2f} {1.005:.2f}")
    print(sum([0.1] * 10), 0.1 * 10)
    print(float(int(1e18)), int(1e18), int(-2.9), int(2.9))
    print(7.0 / 2, 7 / 2, 8 / 2, -8 / 2)


if __name__ == "__main__":
    main()
