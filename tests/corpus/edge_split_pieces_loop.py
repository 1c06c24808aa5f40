# corpus: edge: looping over s.split(sep), s.split() and s.splitlines() (made piece by piece) gives CPython's pieces
TEXTS = ["", ";", "a", "a;b", ";a;;b;", "  lead  and trail  ", "\t\nx\x0by\x0cz\x1c\x1d\x1e\x1f w ",
         "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\n", "\n\n", "\r\n", "no break",
         "a\u2028b\x85c\u00a0d e", "caf\u00e9;th\u00e9;", "x" * 30 + ";" + "y" * 25 + ";;" + "z" * 40,
         "long line number one here\nand a second long line, also long\n\nlast"]


def pieces(s: str) -> list[str]:
    out: list[str] = []
    for p in s.split(";"):
        out.append(p)
    return out


def main() -> None:
    for t in TEXTS:
        words: list[str] = []
        for w in t.split():
            words.append(w)
        lines = [ln for ln in t.splitlines()]
        semis = [p.upper() for p in t.split(";")]
        print(repr(t), pieces(t), words, lines, semis)
        for i, ln in enumerate(t.splitlines()):
            print(i, repr(ln), len(ln))
        for w in t.split(" "):
            t = "changed"
            print(repr(w), end=" ")
        print(t)
    try:
        for p in "a,b".split(""):
            print(p)
    except ValueError as e:
        print("ValueError", e)
    sep = ","
    for i, w in enumerate(f"{sep}x{sep}{sep}y z".split(sep)):
        print(i, repr(w), [q for q in f"  {w} \n w ".split()], [q for q in f"{w}\r\n{w}".splitlines()])
    print([p for p in "1,2,,3".split(sep)], [p for p in "1, 2,  3".split(", ")])


if __name__ == "__main__":
    main()
