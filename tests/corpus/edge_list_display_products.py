# `*` and `+` on list displays build the list in one go: the values, aliases, order of
# evaluation and errors must stay CPython's.


def f(tag: str, v: int) -> int:
    print("eval", tag)
    return v


def g(n: int) -> int:
    print("count", n)
    return n


def main() -> None:
    for n in (-2, 0, 1, 3):
        print(n, [0] * n, [1, 2] * n, n * [7], [1] + [0] * n, [0] * n + [9], [5] * n + [6] * 2)
    print([1] * True, [1] * False, True * [3, 4])
    row = [[]] * 3
    row[0].append(1)
    print(row)
    inner = [1, 2]
    grid = [inner] * 2 + [inner]
    inner.append(3)
    grid[2].append(4)
    print(grid)
    xs = [4, 5]
    ys = [3] + xs
    xs.append(6)
    print(ys, xs)
    print(g(2) * [f("a", 1)])
    print([f("b", 1), f("c", 2)] * g(2))
    print([f("d", 1)] + [f("e", 2)] * g(3) + [f("f", 3)])
    print(([1, 2] * 2) * 2, [[0] * 3 for _ in range(2)])
    print(["ab"] * 3 + ["cd"], [(1, "x")] * 2, [0.5, -0.0] * 2)
    x = 1
    zs = [x] + [(x := 5)] + [x]
    print(zs, x)
    try:
        ws = [1] + [int("x")]
        print(ws)
    except ValueError as e:
        print("ValueError", e)
    cur = [3] + [0] * 4
    for j in range(1, 5):
        cur[j] = cur[j - 1] + j
    print(cur)
    a = [1, 2]
    b = [*a, 3] * 2
    print(b, [*a] + [0] * 2)


main()
