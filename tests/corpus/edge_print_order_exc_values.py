# print evaluates all arguments before formatting any (print(xs, xs.pop())); exception instances in variables
def s(x: str) -> str:
    print("s", x)
    return x


counts = [0]


def bump() -> int:
    counts[0] += 1
    return counts[0]


def main() -> None:
    stack = [1, 2, 3]
    print(stack, stack.pop())
    d = {"a": 1}
    print(d, d.pop("a"))
    a = [5, 6, 7, 100]
    print(a, a.pop(-2), a.pop(0), a.count(100))
    print(counts, bump(), counts)
    print(s("a"), s("b"), sep=s("|"), end=s("!\n"))
    print("x", 1, 2.5, None, True, sep="")
    print()
    print("solo")


class E(Exception):
    def __init__(self, n: int):
        super().__init__(f"n={n}")
        self.n = n


def f(flag: bool) -> None:
    e = ValueError("bad")
    print(e, repr(e))
    if flag:
        raise e


def exc_main() -> None:
    f(False)
    err = E(3)
    print(err.n, err)
    try:
        f(True)
    except ValueError as x:
        print("caught", x)
    raise err


main()
exc_main()
