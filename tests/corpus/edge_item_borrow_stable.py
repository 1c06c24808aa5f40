# corpus: functions: `k, v, l, r = xs[i]` and `t = xs[i]` of a list parameter in functions that change no list (the str and tuple fields borrowed in place), IndexError, RecursionError, long and non-ASCII strs, the big-int rerun


def evaluate(nodes: list[tuple[str, int, int, int]], i: int) -> int:
    kind, value, left, right = nodes[i]
    if kind == "num":
        return value
    a = evaluate(nodes, left)
    b = evaluate(nodes, right)
    if kind == "+":
        return a + b
    return a * b


def show(nodes: list[tuple[str, int, int, int]], i: int) -> str:
    kind, value, left, right = nodes[i]
    if kind == "num":
        return str(value)
    return "(" + show(nodes, left) + " " + kind + " " + show(nodes, right) + ")"


def depth(nodes: list[tuple[str, int, int, int]], i: int) -> int:
    node = nodes[i]
    if node[0] == "num":
        return 0
    return 1 + max(depth(nodes, node[2]), depth(nodes, node[3]))


def label(rows: list[tuple[str, str]], i: int) -> str:
    name, note = rows[i]
    whole = rows[i]
    parts = [name, note, whole[0]]
    return f"{name}|{note}|{len(name)}|{whole[1][-2:]}|{'/'.join(parts)}|{name.upper()}"


def walk(nodes: list[tuple[str, int, int, int]], i: int) -> str:
    kind, _, left, _ = nodes[i]
    return kind + walk(nodes, left)


def main() -> None:
    nodes: list[tuple[str, int, int, int]] = [("num", 3, -1, -1), ("num", 4, -1, -1), ("+", 0, 0, 1),
                                              ("num", 5, -1, -1), ("*", 0, 2, 3)]
    print(evaluate(nodes, 4), show(nodes, 4), depth(nodes, 4), depth(nodes, -1), show(nodes, -5))
    for bad in (5, -6, 100):
        try:
            print(evaluate(nodes, bad))
        except IndexError as e:
            print("IndexError", e)
    try:
        print(depth([], 0))
    except IndexError as e:
        print("IndexError", e)
    long = "a fairly long operator name"
    nodes.append((long, 0, 4, 2))
    nodes.append(("\u00e9\u00e8" * 9, 0, 5, 0))
    print(show(nodes, 6), len(show(nodes, 6)))
    rows = [("", ""), ("x", "y"), ("seven77", "eight888"), ("fourteen chars", "fifteen chars.."),
            ("sixteen chars..." * 2, "caf\u00e9 \u2603"), ("\U0001f600", "\u00e9")]
    for i in range(len(rows)):
        print(label(rows, i))
    chain: list[tuple[str, int, int, int]] = [("k", 0, i + 1, 0) for i in range(3000)]
    try:
        print(len(walk(chain[:50], 0)))
    except IndexError as e:
        print("IndexError", e)
    try:
        print(len(walk(chain, 0)))
    except RecursionError as e:
        print("RecursionError", e)
    except IndexError as e:
        print("IndexError", e)
    big = 1
    for _ in range(70):
        big = big * 2 + depth(nodes, 4)
    print(big, show(nodes, 4))


main()
