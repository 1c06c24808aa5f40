# int vs float comparisons are exact (no rounding of the int), NaN, chained mixes, is None on plain values
def v(x: int) -> int:
    print("v", x)
    return x


def main() -> None:
    i: int = 9007199254740993
    f: float = 9007199254740992.0
    print(i == f, i != f, i < f, i > f, f < i, f >= i, i == 9007199254740992.0)
    big = 9223372036854775807
    print(big == 9.223372036854775807e18, big < 9.223372036854775807e18, big * 1.0 == big)
    nan = float("nan")
    print(1 < nan, 1 == nan, 1 != nan, nan >= 1)
    x = 5
    print(2 < x < 5.5, x == 5 == 5.0, 1.5 < x <= 5, 0.5 < 1 < 2)
    print(v(1) in [v(2), v(1)], v(3) not in [v(3)])
    print(x is None, x is not None)
    print(1 == 1.0, 2 > 1.5, -0.0 == 0)


main()
