# next(<generator expression>[, default]): the first item the generator yields (the rest never
# runs), the default (evaluated before the generator runs), or StopIteration.
def first_long(words: list[str], n: int) -> str | None:
    return next((w for w in words if len(w) > n), None)


def f(x: int) -> int:
    print("f", x)
    return x


def main() -> None:
    words = ["a", "bb", "ccc", "dd"]
    print(first_long(words, 1), first_long(words, 5))
    print(next((i for i, w in enumerate(words) if w == "dd"), -1), next((i for i in range(3) if i > 5), -1))
    print(next(f(x) for x in [1, 2, 3]))
    print(next((f(x) for x in [4, 5]), f(9)))
    pairs = [(1, "x"), (2, "y")]
    print(next((b for a, b in pairs if a == 2), "none"))
    try:
        print(next(x for x in [1, 2] if x > 2))
    except StopIteration as e:
        print("StopIteration", repr(e))
    print(next((x * 1.5 for x in [2, 4]), 0.0))


def opt() -> None:
    from_opt: list[int | None] = [None, 3]
    print(next((x for x in from_opt), None), next((x for x in from_opt if x is not None), None),
          next((x for x in from_opt if x == 7), None))


if __name__ == "__main__":
    main()
    opt()
