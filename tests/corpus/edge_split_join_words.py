# corpus: edge: split() of every ASCII whitespace and control byte, NUL in dict keys, pieces of 7-8, 15-16 and 22-23 bytes near the end of the text, empty and non-ASCII texts, joins of literal and built strs (short and long results, strided): the pieces read as whole words, joins by fixed-size moves
def main() -> None:
    texts: list[str] = [
        "a b  c\td\ne\x0bf\x0cg\rh\x1ci\x1dj\x1ek\x1fl",
        "ctl\x00x\x01y\x08z\x0e\x1b\x7f end",
        "  lead and trail  ",
        "abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopqrstuv abcdefghijklmnopqrstuvw x",
        "12345678901234567890123 1234567 12345678 123456789012345 1234567890123456 z",
        "",
        "   ",
        "single",
        "word\x00with\x00nul and\x00 more",
        "tail7ch",
        "a\x85b\xa0c é ü 🙂 日本語 ok",
    ]
    for t in texts:
        ws = t.split()
        print(len(ws), ws)
        n = 0
        for w in t.split():
            n += len(w)
        print(n)
        print(repr(" ".join(ws)), repr("".join(ws)), repr("--".join(ws)), repr(", ".join(ws[1:3])))
        if len(ws) >= 3:
            for i in range(len(ws) - 2):
                print(repr(" ".join(ws[i:i + 3])), end=" ")
            print()
    d: dict[str, int] = {}
    keys = ["a", "a\x00", "\x00a", "", "\x00", "abcdefgh", "abcdefgh\x00", "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvw", "é", "🙂x"]
    for k in keys:
        d[k] = d.get(k, 0) + len(k)
    for k in keys:
        d[k] = d.get(k, 0) + 1
    print(d)
    big = "x" * 30
    parts = [big[:i] for i in range(25)]
    c: dict[str, int] = {}
    for p in parts + parts:
        c[p] = c.get(p, 0) + 1
    print(len(c), sorted(c.values()))
    pairs: dict[tuple[str, str], int] = {}
    for i in range(len(parts) - 1):
        key = (parts[i], parts[i + 1])
        pairs[key] = pairs.get(key, 0) + 1
    print(len(pairs))
    s = "q" * 21
    s2 = s + "r"
    s3 = s2 + "s"
    print(s2 in {s2: 1}, {s3: 2}.get("q" * 21 + "rs", 0), " ".join([s, s2, s3]), "".join([s2, "", s]))
    lits = ["alpha", "beta", "gamma"]
    mixed: list[str] = []
    for i in range(9):
        w = lits[i % 3]
        mixed.append(w + str(i) if i % 2 == 0 else w)
    print(" ".join(mixed), "|".join(mixed[2:7]))
    print(" ".join(mixed[::2]), " ".join(mixed[::-1]))


if __name__ == "__main__":
    main()
