# sorting by int keys and tuples of ints (the runtime radix-sorts them): stability, reverse,
# negative and extreme keys, small and large lists
def main() -> None:
    xs: list[int] = []
    x = 12345
    for i in range(5000):
        x = (x * 1103515245 + 12345) % 2147483648
        xs.append(x % 2001 - 1000 if i % 3 else -(x * 7919) - 4611686018427387904 + x % 5 if i % 7 == 0 else x)
    ys = sorted(xs)
    zs = sorted(xs, reverse=True)
    print(ys[:5], ys[-5:], zs[:5], zs[-5:])
    recs = [(v % 17 - 8, i, str(v)) for i, v in enumerate(xs)]
    a = sorted(recs, key=lambda r: r[0])
    b = sorted(recs, key=lambda r: r[0], reverse=True)
    print(a[:6], a[-3:], b[:6], b[-3:])
    print(sum(r[1] * k for k, r in enumerate(a)) % 1000003, sum(r[1] * k for k, r in enumerate(b)) % 1000003)
    small = [3, -1, 2, -1, 0]
    small.sort()
    print(small)
    small.sort(reverse=True)
    print(small)
    words = ["bb", "a", "ccc", "dd", "e", "", "fff"]
    words.sort(key=len)
    print(words)
    words.sort(key=len, reverse=True)
    print(words)
    fl = [(1.5, "x"), (-0.0, "a"), (0.0, "b"), (-2.25, "c"), (0.0, "d")]
    print(sorted(fl, key=lambda p: p[0]), sorted(fl, key=lambda p: p[0], reverse=True))
    print(sorted(range(70), key=lambda v: -(v % 5)))
    e: list[int] = []
    print(sorted(e, key=lambda v: v), sorted([7]), sorted([9223372036854775807, -9223372036854775807 - 1, 0, -1, 1]))


main()


def more() -> None:
    vals: list[int] = []
    x = 99
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        vals.append(x % 41 - 20)
    recs = [(v, i % 7 - 3, i) for i, v in enumerate(vals)]
    for rev in (False, True):
        a = sorted(recs, key=lambda r: (r[0], r[1]), reverse=rev)
        b = sorted(recs, key=lambda r: (r[1], r[0], -r[2]), reverse=rev)
        c = sorted(recs, key=lambda r: r[0] * 1000000000000, reverse=rev)
        print(a[:4], b[:4], c[:4], [r[2] for r in a[::97]], [r[2] for r in b[::89]], [r[2] for r in c[::101]])
    tiny = [(2, 1), (1, 9), (2, 0), (1, 9), (-5, 3)]
    print(sorted(tiny, key=lambda p: (p[0], p[1])), sorted(tiny, key=lambda p: p[0], reverse=True))
    big = [9223372036854775807, -9223372036854775807 - 1] * 40 + list(range(-20, 20))
    print(sorted(big)[:3], sorted(big)[-3:], sorted(big, reverse=True)[:3], sorted(big, key=lambda v: -(v // 2))[:3])


more()
