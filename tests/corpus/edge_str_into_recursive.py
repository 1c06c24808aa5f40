# corpus: edge: recursive str builders (returns that are + chains calling the function itself, written into one shared buffer): evaluation order against side effects, errors mid-chain, RecursionError, non-ASCII, str() of ints, non-chain returns


def show(nodes: list[tuple[str, int, int, int]], i: int) -> str:
    kind, value, left, right = nodes[i]
    if kind == "num":
        return str(value)
    if kind == "neg":
        return "-" + show(nodes, left)
    if kind == "id":
        return show(nodes, left)
    if kind == "":
        return ""
    return "(" + show(nodes, left) + " " + kind + " " + show(nodes, right) + ")"


log: list[int] = []


def order(n: int) -> str:
    log.append(n)
    if n == 0:
        return "."
    return str(len(log)) + "<" + order(n - 1) + ">" + str(len(log)) + order(n // 2)


def chain(n: int) -> str:
    if n <= 0:
        return "end"
    return "é" + chain(n - 1)


def mixed(n: int, s: str) -> str:
    if n == 0:
        return s
    x = mixed(n - 1, s + "x")
    if n % 2:
        return x.upper() + "|" + mixed(n - 1, "ü") + str(n * -7)
    return mixed(n - 1, "") + x + "" + str(10 ** 17 + n)


def main() -> None:
    nodes: list[tuple[str, int, int, int]] = [("num", 0, -1, -1), ("num", -3, -1, -1), ("×", 0, 0, 1), ("num", 9, -1, -1),
                                             ("neg", 0, 3, -1), ("÷", 0, 2, 4), ("num", 10, -1, -1), ("id", 0, 5, -1),
                                             ("", 0, -1, -1), ("🌳", 0, 7, 8), ("+", 0, 9, 40), ("num", 123456789012, 0, 0)]
    for i in range(len(nodes)):
        try:
            print(i, repr(show(nodes, i)))
        except IndexError as e:
            print(i, "IndexError", e)
    print(repr(show(nodes, 11)), len(show(nodes, 9)))
    print(order(3), log)
    log.clear()
    print(order(5), len(log))
    print(len(chain(50)), chain(3))
    deep: list[tuple[str, int, int, int]] = [("num", 7, -1, -1)]
    for k in range(3000):
        deep.append(("neg", 0, k, -1))
    for top in (10, 100, 2999):
        try:
            print(top, len(show(deep, top)))
        except RecursionError:
            print(top, "RecursionError")
    try:
        print(len(chain(5000)))
    except RecursionError:
        print("chain RecursionError")
    print(chain(2))
    for n in range(5):
        print(n, mixed(n, "ab"))
    print(show([], 0) if False else "skipped", show([("num", 1, -1, -1)], -1))


if __name__ == "__main__":
    main()
