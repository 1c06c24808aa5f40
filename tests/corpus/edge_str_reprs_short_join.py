# corpus: edge: strs of every representation (literal, short, long, piece of a long text, non-ASCII) copied into lists, tuples and dicts, dropped and reassigned, measured, indexed and compared; joins of 0- to 16-byte results with empty, one-byte, non-ASCII and two-byte separators


def reprs(n: int) -> list[str]:
    base = "".join(chr(97 + (k * 5 + n) % 26) for k in range(n))
    longtext = "x" * 20 + " " + base + " " + "y" * 20
    piece = longtext.split(" ")[1]
    wide = base[: max(0, n - 1)] + "é" if n > 0 else ""
    return [base, base[:], piece, (base + "!")[:n], wide, "".join([base])]


def main() -> None:
    kept: list[str] = []
    pairs: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for n in [0, 1, 7, 8, 9, 13, 14, 15, 16, 17, 24]:
        rs = reprs(n)
        for r in rs:
            kept.append(r)
            seen[r] = seen.get(r, 0) + 1
        pairs.append((rs[0], rs[2]))
        print(n, [len(r) for r in rs], rs[0] == rs[2], rs[4].isascii(), rs[0].isascii(), rs[4][-1:], rs[2][n // 2: n // 2 + 1])
    last = ""
    for r in kept:
        last = r
        last = last + "."
    print(len(kept), len(seen), sorted(seen.values())[-3:], last)
    print(pairs[4], pairs[-1] == (reprs(24)[2], reprs(24)[0]))
    words = ["", "a", "bc", "def", "ghij", "klmno", "pqrstuv", "wxyzabcd", "é", "ñu", "日本"]
    for sep in ["", " ", "-", "é", "::"]:
        out: list[str] = []
        for a in words:
            for b in words:
                j = sep.join([a, b])
                k = sep.join([a, b, a])
                out.append(j)
                if len(j) != len(a) + len(b) + len(sep) or len(k) != 2 * len(a) + len(b) + 2 * len(sep):
                    print("bad length", repr(sep), repr(a), repr(b))
        print(repr(sep), len(out), len(set(out)), out[13], out[-1], sum(len(x) for x in out))
    text = "the a cat house jumps under over é ñu"
    ws = text.split()
    grams: dict[str, int] = {}
    for i in range(len(ws) - 2):
        key = " ".join(ws[i:i + 3])
        grams[key] = grams.get(key, 0) + 1
        grams["".join(ws[i:i + 2])] = 7
    print(grams)
    print(" ".join(ws[2:2]), "|", ",".join(ws[-1:]), "|", " ".join(ws[5:99]))


if __name__ == "__main__":
    main()
