# corpus: edge: in-place list operators and extend() with a generator that reads the list
def double(v: list[int]) -> None:
    v *= 2


def main() -> None:
    d: dict[str, list[int]] = {"k": [1, 2]}
    alias = d["k"]
    d["k"] *= 2
    print(d, alias)
    grid: list[list[int]] = [[1], [2]]
    r0 = grid[0]
    grid[0] *= 3
    print(grid, r0)
    xs: list[int] = [5, 6]
    double(xs)
    print(xs)
    ys = xs
    ys *= 0
    print(xs, ys, len(xs))
    zs: list[int] = [1, 2, 3]
    keep = zs
    for i in range(2):
        zs *= 1
        zs[i] += 10
    print(zs, keep)
    gs: list[int] = [1]
    gs.extend(gs[-1] * 2 for _ in range(3))
    print(gs)
    hs: list[int] = [0]
    hs.extend(len(hs) for _ in range(3))
    hs += (hs[-1] + 1 for _ in range(2))
    print(hs)
    ws: list[int] = [1, 2]
    ws.extend(map(lambda v: v + len(ws), range(2)))
    print(ws)
    fs: list[float] = [1.0]
    for _ in range(2):
        fs.extend([fs[-1] / 2 for _ in range(2)])
    print(fs)


main()
