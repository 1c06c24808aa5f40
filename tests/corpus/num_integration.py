# corpus: num: numeric integration (trapezoid, Simpson) of polynomial integrands, error table
def f_square(x: float) -> float:
    return x * x


def f_cubic(x: float) -> float:
    return x ** 3 - x + 1.0


def f_recip(x: float) -> float:
    return 1.0 / (1.0 + x * x)


def integrate(kind: int, a: float, b: float, n: int, which: int) -> float:
    h = (b - a) / n
    total = 0.0
    for i in range(n + 1):
        x = a + i * h
        y = f_square(x) if which == 0 else (f_cubic(x) if which == 1 else f_recip(x))
        if i == 0 or i == n:
            w = 1.0
        elif kind == 0:
            w = 2.0
        else:
            w = 4.0 if i % 2 == 1 else 2.0
        total += w * y
    return total * h / 2 if kind == 0 else total * h / 3


def main() -> None:
    exact = [9.0, 81.0 / 4.0 - 4.5 + 3.0, 1.2490457723982544]
    names = ["x^2 on [0,3]", "x^3-x+1 on [0,3]", "1/(1+x^2) on [0,3]"]
    for which in range(3):
        print(names[which])
        for n in [2, 4, 16, 64]:
            t = integrate(0, 0.0, 3.0, n, which)
            s = integrate(1, 0.0, 3.0, n, which)
            print(f"  n={n:>3} trap={t:.6f} simps={s:.6f} err_t={abs(t - exact[which]):.10f} err_s={abs(s - exact[which]):.10f}")
    print("pi estimate:", round(4 * integrate(1, 0.0, 1.0, 100, 2), 10))


if __name__ == "__main__":
    main()
