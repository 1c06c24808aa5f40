# corpus: edge: sorting by keys with strs in them (a str, tuples of strs, ints, floats and bools) sorts by the keys' prefixes: strs longer than 7 bytes, equal 7-byte starts, NUL bytes, non-ASCII, -0.0 and 0.0, 64-bit ints, reverse=True stability, list.sort
def main() -> None:
    people = [("b", "x", 3, 1.5), ("a", "y", 3, 0.5), ("c", "zé", 1, 2.5), ("a", "w", 2, 2.5), ("a", "w", 2, -0.0), ("a", "w", 2, 0.0)]
    print(sorted(people, key=lambda p: (p[2], p[0], p[1])))
    print(sorted(people, key=lambda p: (p[0], -p[2]), reverse=True))
    print(sorted(people, key=lambda p: (p[1], p[3])), sorted(people, key=lambda p: (p[3], p[1]), reverse=True))
    ws = ["abcdefgh", "abcdefg", "abcdefgi", "abcdefghij", "abcdefgha", "", "a\0", "a", "é", "e\u0301", "🙂", "\uffff", "ab\0\0\0\0\0\0x", "ab\0\0\0\0\0\0"]
    print([repr(w) for w in sorted(ws, key=lambda w: w)])
    print([repr(w) for w in sorted(ws, key=lambda w: w, reverse=True)])
    print(sorted(ws, key=lambda w: (len(w) > 3, w[:2]), reverse=True))
    print(sorted(ws, key=lambda w: (w[:1], len(w), w)))
    print(sorted(ws, key=lambda w: (w, w, w)), sorted([(1, "b"), (1, "a"), (-5, "z")], key=lambda t: (t[1], t[0], t[1])))
    nums = [("x", 2**62), ("x", -2**62), ("x", -1), ("y", 0)]
    print(sorted(nums, key=lambda t: (t[0], t[1])), sorted(nums, key=lambda t: (t[1] > 0, t[0])))
    big = [f"k{(i * 7919) % 1000:04d}-{i % 3}" for i in range(3000)]
    s1 = sorted(big, key=lambda w: (w[-1], w))
    print(s1[:3], s1[-3:], len(s1))
    words = "the quick brown fox jumps over the lazy dog the end".split()
    words.sort(key=lambda w: (len(w), w[::-1]))
    print(words)
    fl = [("a", float("inf")), ("a", -float("inf")), ("a", 1e-300), ("a", -1e-300)]
    print(sorted(fl, key=lambda t: (t[0], t[1])))


main()


def shuffled() -> None:
    # many equal 7-byte starts, lengths around 7, few distinct ints: most ties go past the prefix
    x = 17
    rows: list[tuple[str, int, float]] = []
    for i in range(2500):
        x = (x * 1103515245 + 12345) % 2147483648
        s = "abcdefg"[: x % 8] + "xyz\0é"[(x // 8) % 5] * ((x // 64) % 4)
        rows.append((s, (x // 256) % 5 - 2, ((x // 2048) % 7) / 2 - 1.5))
    idx = list(range(len(rows)))
    for rev in (False, True):
        for order in (sorted(idx, key=lambda i: rows[i][0], reverse=rev),
                      sorted(idx, key=lambda i: (rows[i][0], rows[i][1]), reverse=rev),
                      sorted(idx, key=lambda i: (rows[i][1], rows[i][0]), reverse=rev),
                      sorted(idx, key=lambda i: (rows[i][2], rows[i][0], rows[i][1]), reverse=rev)):
            h = 0
            for i in order:
                h = (h * 31 + i) % 1000000007
            print(rev, h, order[:5])
    rows.sort(key=lambda r: (r[1] > 0, r[0]))
    print(rows[:3], rows[-3:])


shuffled()
