# corpus: edge: a walrus that rebinds an int local inside `+` (left operand read first) in a program that needs the big-int build keeps CPython's results
def mixed() -> int:
    a = 5
    b = a + (a := 10) + a
    c = a * (a := a + 2**64) - a
    return b + c + a


def main() -> None:
    a = 2**70
    print(a + (a := 3) + a, a, mixed())


if __name__ == "__main__":
    main()
