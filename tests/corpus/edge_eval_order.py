# evaluation order of arguments with effects: n * seq, print sep=, sum start, min/max default, isinstance, in
def v(x: int) -> int:
    print("v", x)
    return x


def s(x: str) -> str:
    print("s", x)
    return x


def lst(n: int) -> list[int]:
    print("lst", n)
    return [n, n + 1]


def main() -> None:
    print(v(2) * s("ab"), s("cd") * v(2))
    print(v(2) * [v(1)], [v(3)] * v(1))
    print(s("a"), s("b"), sep=s("|"))
    print(sum([v(1)], v(10)), sum(lst(4), v(0)))
    print(min([1, 2], default=v(0)), max(lst(7), default=v(-1)))
    print(isinstance(v(4), int), isinstance(s("q"), int))
    xs = [1, 2]
    try:
        print(isinstance(xs[7], int))
    except IndexError as e:
        print("IndexError", e)
    print(v(1) in [v(2), v(1)], s("a") in s("abc"), v(9) not in lst(9))


main()
