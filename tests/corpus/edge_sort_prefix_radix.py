# corpus: edge: keyed sorts radix-sorted by the keys' prefix words (a str, a float, tuples of strs, floats, ints, bools): sizes around the radix cutoff (64), strs around 7 bytes, NUL, non-ASCII, -0.0/0.0, subnormals, infinities, equal keys, reverse=True stability, list.sort

WORDS = ["", "a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefgi", "abcdefghij", "abcdefghik", "zz",
         "é", "éa", "日本", "日本語テキスト", "日本語テキストX", "a\u0000", "a\u0000b", "\u0000", "~", "Z"]
FLOATS = [0.0, -0.0, 1.5, -1.5, 1e300, -1e300, 5e-324, -5e-324, 2.0, 0.1, 0.2, 0.30000000000000004, 0.3,
          float("inf"), float("-inf"), 100.0, -100.0, 3.0, 3.0, 7.25]


def make(n: int) -> list[tuple[str, float, int, int, bool]]:
    out: list[tuple[str, float, int, int, bool]] = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = WORDS[(x // 65536) % 20]
        f = FLOATS[(x // 7) % 20]
        k = (x // 1024) % 7 - 3
        out.append((w, f, k, i, k > 0))
    return out


def digest(xs: list[tuple[str, float, int, int, bool]]) -> int:
    h = 0
    for r in xs:
        h = (h * 1000003 + r[3]) % 1000000007
    return h


def main() -> None:
    for n in [0, 1, 2, 5, 63, 64, 65, 300, 5000]:
        recs = make(n)
        a = sorted(recs, key=lambda r: r[0])
        b = sorted(recs, key=lambda r: r[0], reverse=True)
        c = sorted(recs, key=lambda r: r[1])
        d = sorted(recs, key=lambda r: r[1], reverse=True)
        e = sorted(recs, key=lambda r: (r[0], r[2]))
        f = sorted(recs, key=lambda r: (r[2], r[0]), reverse=True)
        g = sorted(recs, key=lambda r: (r[1], r[0], r[2]))
        h = sorted(recs, key=lambda r: (r[0], r[0] + "x", r[1]), reverse=True)
        i2 = sorted(recs, key=lambda r: (r[4], r[1]))
        j = sorted(recs, key=lambda r: (r[2], r[1]))
        k2 = sorted(recs, key=lambda r: (r[0], -r[1]))
        m = sorted(recs, key=lambda r: (r[1], r[2], r[4]), reverse=True)
        recs.sort(key=lambda r: (r[0], r[1]))
        print(n, digest(a), digest(b), digest(c), digest(d), digest(e), digest(f), digest(g), digest(h), digest(i2), digest(j), digest(k2), digest(m), digest(recs))
        if n > 2:
            print(a[0], b[0], c[0], d[0], e[-1], f[-1], g[1], h[2], k2[0])


if __name__ == "__main__":
    main()
