# corpus: list slice assignment and deletion: a tiny line editor (insert, replace, delete ranges)


def trace(tag: str, v: int) -> int:
    print("  eval", tag)
    return v


def apply(buf: list[str], cmd: str) -> None:
    parts = cmd.split(" ", 3)
    op = parts[0]
    if op == "ins":
        at = int(parts[1])
        buf[at:at] = parts[2].split("|")
    elif op == "rep":
        lo, hi = int(parts[1]), int(parts[2])
        buf[lo:hi] = parts[3].split("|")
    elif op == "del":
        lo, hi = int(parts[1]), int(parts[2])
        del buf[lo:hi]
    elif op == "tail":
        buf[len(buf):] = [parts[1]]


def main() -> None:
    buf = ["alpha", "beta", "gamma", "delta"]
    for cmd in ["ins 1 one|two", "rep 0 2 A", "del 3 5", "tail omega", "rep -2 100 x|y|z", "ins -1 before-last",
                "del 10 20", "rep 3 1 wedge"]:
        apply(buf, cmd)
        print(f"{cmd:<18} -> {buf}")

    xs = list(range(10))
    xs[::2] = [0] * 5
    print(xs)
    xs[::-3] = [7, 8, 9, 10]
    print(xs)
    try:
        xs[::2] = [1, 2]
    except ValueError as e:
        print("ValueError:", e)
    try:
        xs[::0] = []
    except ValueError as e:
        print("ValueError:", e)
    del xs[::3]
    print(xs)
    del xs[-2:]
    print(xs)
    del xs[5:1]
    print(xs)
    xs[:] = [3, 1, 2]
    print(xs)
    alias = xs
    xs[1:2] = xs
    print(xs, alias, len(alias))
    ys = xs[:]
    ys[0:1] = []
    print(xs, ys)
    print("order:")
    zs = [0, 0, 0, 0]
    zs[trace("lower", 1):trace("upper", 3)] = [trace("value", 5)]
    print(zs)
    grid = [[0] * 3 for _ in range(3)]
    grid[1][0:2] = [4, 4]
    print(grid)


if __name__ == "__main__":
    main()
