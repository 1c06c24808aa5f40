# corpus: edge: str locals and tuple fields compared with literals (== and !=, literal on either side): inline, literal, heap and view strs of 0-17 bytes, equal text made at run time, non-ASCII, empty


def same(s: str, t: tuple[str, int]) -> list[bool]:
    k, n = t
    return [s == "", s == "a", "a" == s, s != "num", s == "num", "num" != s, s == "abcdefg", s == "abcdefgh",
            s == "abcdefghi", s == "abcdefghijklm", s == "abcdefghijklmn", s == "abcdefghijklmno",
            s == "abcdefghijklmnop", s == "abcdefghijklmnopq", s == "é", s == "né", s == "ü" * 7, s == "ü" * 8,
            t[0] == "num", "num" == t[0], k == "num", k != "abcdefghijklmnop", n == 3]


def main() -> None:
    words = ["", "a", "num", "nu", "nuM", "numb", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklm",
             "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "é", "né", "ü" * 7,
             "ü" * 8, "nu" + "m", "abcdefghijklmno"[:15], "xx abcdefghijklmnop yy".split()[1],
             "  abcdefghijklmnopq ".strip(), "abcdefghijklmnopq"[:16], "abcdefghijklmnopqrstuvwxyz"[:9], str(7)]
    for w in words:
        row = same(w, (w, len(w)))
        print(repr(w), "".join("1" if b else "0" for b in row))
    pairs: list[tuple[str, int]] = [("num", 1), ("n" + "um", 2), ("+", 3), ("numnumnumnumnumnum"[3:6], 4)]
    count = 0
    for p in pairs:
        kind, v = p
        if kind == "num":
            count += v
        if p[0] != "+":
            count += 10 * v
    print(count)


if __name__ == "__main__":
    main()
