# runtime fast paths (word-at-a-time str ==, ordering and hashing, two-digit int text, unstable
# sorts of values whose equal items are indistinguishable): edge cases against CPython


def words(n: int, seed: int) -> list[str]:
    parts = ["a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefghi", "é", "日本", "\x00", "z" * 15,
             "z" * 16, "z" * 17, "", "\U0001F642", "A", "Ab"]
    out: list[str] = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = parts[x % len(parts)] + parts[(x // 16) % len(parts)]
        if x % 5 == 0:
            w = w + parts[(x // 256) % len(parts)]
        out.append(w)
    return out


def shout(w: str) -> str:
    if w == "boom":
        raise ValueError("boom in a joined comprehension")
    print("shout", w)
    return w.upper()


def main() -> None:
    ws = words(400, 7)
    # ordering: sorted strs (duplicates, prefixes, non-ASCII, NUL), reversed, as tuple items
    s = sorted(ws)
    print(s[:12], s[-6:])
    r = sorted(ws, reverse=True)
    print(r[:8])
    print(sorted(ws, key=len)[:10])
    pairs = [(len(w) % 3, w) for w in ws]
    pairs.sort()
    print(pairs[:10], pairs[-3:])
    pairs.sort(reverse=True)
    print(pairs[:6])
    lt = 0
    eq = 0
    for i in range(len(ws) - 1):
        if ws[i] < ws[i + 1]:
            lt += 1
        if ws[i] == ws[i + 1]:
            eq += 1
        if ws[i] <= ws[i + 1] and ws[i] >= ws[i + 1]:
            eq += 100
    print("lt", lt, "eq", eq)
    # hashing: counts of str keys of every length 0..40
    counts: dict[str, int] = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    seen: set[str] = set()
    for w in ws:
        seen.add(w + w)
    print(len(counts), len(seen), sorted(counts.items())[:5])
    print("abcdefghi" in counts, "abcdefgh" + "i" in counts, ("z" * 15) + "a" in counts)
    # ints: sorted with duplicates and negatives, reverse; str(int) around 2**32 and the limits
    xs = [(i * 7919) % 101 - 50 for i in range(300)]
    print(sorted(xs)[:15], sorted(xs, reverse=True)[:5])
    ts = [(x % 3, x % 5) for x in xs]
    ts.sort(reverse=True)
    print(ts[:8], sorted(ts)[:8])
    big = [0, 9, 10, 99, 100, 4294967295, 4294967296, 4294967297, -4294967296,
           9223372036854775807, -9223372036854775807 - 1, 10 ** 18, -(10 ** 18) + 1]
    print([str(v) for v in big])
    print(f"{big[5]} {big[6]:d} {big[7]:>14} {big[8]:015d} {big[9]}")
    # floats keep a stable sort: 0.0 and -0.0 compare equal but print differently
    fs = [0.0, -0.0, 1.5, -0.0, 0.0, -1.0, 0.0]
    print(sorted(fs), sorted(fs, reverse=True))
    flags = [True, False, True, True, False]
    print(sorted(flags))
    # len() of split / splitlines: counted without the list
    text = "\n".join(ws[:50]) + "\r\n\n" + " , ".join(ws[50:60]) + "\u2028end\r"
    print(len(text.splitlines()), len(text.split()), len(text.split(",")), len(text.split(",", 3)),
          len(text.split(None, 5)), len("".split()), len("".split(",")), len("".splitlines()))
    try:
        print(len(text.split("")))
    except ValueError as e:
        print("ValueError", e)
    # sep.join([comprehension]): the items joined as they are made
    print("-".join([shout(w) for w in ["a", "", "bc"] if w]))
    print(", ".join([f"{i}:{j}" for i in range(4) for j in range(i)]), "|" + "".join([c for c in ""]) + "|")
    print(" ".join([str(v * v) for v in range(-3, 12)]), "/".join([w[:2] for w in ws[:30]]))
    try:
        print("+".join([shout(w) for w in ["x", "boom", "y"]]))
    except ValueError as e:
        print("caught", e)


if __name__ == "__main__":
    main()
