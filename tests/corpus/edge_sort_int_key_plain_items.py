# corpus: edge: sorting lists of plain values (ints, floats, bools, int tuples) by int keys: stable ties, reverse, sizes around 64, a key that raises or changes the list
def gen(n: int, seed: int) -> list[int]:
    out: list[int] = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 2001 - 1000)
    return out


watch: list[int] = []


def spy(v: int) -> int:
    if v == 7:
        watch.append(v)
    return v % 3


def bad(v: int) -> int:
    if v > 900:
        raise ValueError(f"too big: {v}")
    return -v


def main() -> None:
    for n in (0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200):
        xs = gen(n, n + 3)
        a = sorted(xs, key=lambda v: v % 7)
        b = sorted(xs, key=lambda v: (v % 5, -v), reverse=True)
        c = sorted(xs, key=lambda v: v // 100, reverse=True)
        print(n, a[:6], b[:4], c[-4:], sum(i * v for i, v in enumerate(a)), sum(i * v for i, v in enumerate(c)))
    fl = [0.5 * v for v in gen(80, 5)] + [-0.0, 0.0, 1e15, -2.5]
    print(sorted(fl, key=lambda f: int(f) % 4)[:8], sorted(fl, key=lambda f: int(f) // 50, reverse=True)[-5:])
    bs = [v % 3 == 0 for v in gen(70, 9)]
    print(sorted(bs, key=lambda t: 0 if t else 1)[:3], sorted(bs, key=lambda t: int(t), reverse=True).count(True))
    ps = [(v % 4, v) for v in gen(90, 11)]
    print(sorted(ps, key=lambda p: p[0])[:5], sorted(ps, key=lambda p: (p[0], -p[1]), reverse=True)[:3])
    big = [9223372036854775807, -9223372036854775807 - 1, 0, -1, 1] * 20
    print(sorted(big, key=lambda v: v)[:3], sorted(big, key=lambda v: v % 2)[:6])
    ys = gen(100, 4)
    try:
        ys.sort(key=bad)
    except ValueError as e:
        print("ValueError:", e, ys[:5] == gen(100, 4)[:5], len(ys))
    zs = [7] + gen(99, 8)
    global watch
    watch = zs
    try:
        zs.sort(key=spy)
    except ValueError as e:
        print("ValueError:", e, zs[:4], len(zs))


if __name__ == "__main__":
    main()
