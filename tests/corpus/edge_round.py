# corpus: edge: round() banker's rounding on .5 ties, round with ndigits on binary-inexact values, int result type
def main() -> None:
    halves = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5]
    for h in halves:
        print(f"round({h}) = {round(h)}")
    print("round(2.675, 2) =", round(2.675, 2))
    print("round(0.125, 2) =", round(0.125, 2))
    print("round(0.375, 2) =", round(0.375, 2))
    print("round(1.005, 2) =", round(1.005, 2))
    print("round(3.14159, 3) =", round(3.14159, 3))
    print("round(-3.14159, 1) =", round(-3.14159, 1))
    print("round(2.5, 0) =", round(2.5, 0))
    print("round(7, 0) =", round(7, 0))
    print("round(1234.5678, -2) =", round(1234.5678, -2))
    print("round(1250, -2) =", round(1250, -2), "round(1350, -2) =", round(1350, -2))
    print("round(-0.4) =", round(-0.4), "round(-0.0, 1) =", round(-0.0, 1))
    total = 0
    for h in halves:
        total += round(h)
    print("sum of rounded halves:", total)
    prices = [19.995, 0.045, 1.115, 2.345]
    print([round(p, 2) for p in prices])
    print(round(1e15), round(123.456, 10), round(-1e15 - 0.5))


if __name__ == "__main__":
    main()
