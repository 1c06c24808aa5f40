# corpus: edge: recursive str builders reached through another function, self-calls inside other calls and repetition, literal tests on slices
calls: list[int] = []


def g(n: int) -> str:
    return f(n - 1)


def f(n: int) -> str:
    calls.append(n)
    if n <= 0:
        return "."
    if n % 2 == 0:
        return "(" + g(n) + "," + str(len(calls)) + ")"
    return "[" + f(n - 1) + "|" + f(n - 2) + "]" + str(len(calls))


def h(s: str) -> str:
    return s.upper()


def w(n: int) -> str:
    if n == 0:
        return "x"
    s = w(n - 1)
    return "<" + h(w(n - 1)) + s * 2 + ">"


def kind_of(t: tuple[str, int]) -> str:
    if t[0] == "num":
        return "N"
    if t[0] != "op":
        return "?"
    return "O"


def main() -> None:
    print(f(6), len(calls))
    print(w(3))
    word = "xnumx"
    print(kind_of((word[1:4], 1)), kind_of(("op", 2)), kind_of(("", 3)), kind_of(("nu", 4)), kind_of(("numb", 5)))
    print(kind_of(("n" + "um", 6)), kind_of(("é", 7)))


if __name__ == "__main__":
    main()
