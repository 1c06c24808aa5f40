# corpus: edge: Python floor division and modulo sign rules for negative ints and floats, divmod
def main() -> None:
    pairs: list[tuple[int, int]] = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, -3), (-1, 10)]
    print(f"{'a':>3} {'b':>3} {'a//b':>5} {'a%b':>4} divmod")
    for a, b in pairs:
        print(f"{a:>3} {b:>3} {a // b:>5} {a % b:>4} {divmod(a, b)}")
    fpairs: list[tuple[float, float]] = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (-0.5, 1.0), (5.0, 0.3)]
    for x, y in fpairs:
        print(f"{x} // {y} = {x // y}, {x} % {y} = {x % y}, divmod = {divmod(x, y)}")
    print(-7 // 2 * 2 + -7 % 2 == -7)
    print(-1 % 360, -361 % 360, 725 % 360)
    print(-3 % 5, 3 % -5, -3 // 5, 3 // -5)
    print(int(-7 / 2), -7 // 2, round(-7 / 2))
    print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
    hours = -75
    h, m = divmod(hours, 60)
    print(f"{hours} minutes -> {h}h {m}m")
    print(-0.0 % 1.0, 0.0 % -1.0)


if __name__ == "__main__":
    main()
