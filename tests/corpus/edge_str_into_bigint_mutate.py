# corpus: edge: recursive str builders writing into one buffer: str() of ints past 64 bits (the big-int rerun), a list changed while the chain is built, a ValueError raised mid-chain and caught by the caller


def facts(n: int, acc: int) -> str:
    if n == 0:
        return str(acc)
    return str(acc) + "," + facts(n - 1, acc * n)


def grow(xs: list[tuple[str, int]], i: int) -> str:
    name, v = xs[i]
    if v <= 0:
        return name
    xs.append((name + "'", v - 1))
    xs[i] = ("gone", -v)
    return name + ":" + str(v) + "[" + grow(xs, len(xs) - 1) + "]" + xs[i][0] + str(len(xs))


def check(n: int) -> str:
    if n > 3:
        raise ValueError("too big: " + str(n))
    if n == 0:
        return "ok"
    return str(n) + check(n - 1)


def main() -> None:
    print(facts(5, 1))
    xs: list[tuple[str, int]] = [("a", 3), ("β", 0)]
    print(grow(xs, 0), xs)
    print(grow(xs, 1))
    for n in (2, 3, 4):
        try:
            print(check(n))
        except ValueError as e:
            print("ValueError", e)
    print(check(1) + check(3))
    print(facts(25, 1)[-40:])
    print(len(facts(40, 1)))


if __name__ == "__main__":
    main()
