# corpus: strings: for x in s.split(";") and s.split() loops: empty pieces, ends, long and non-ASCII pieces, rebinding, break


def fields(n: int) -> str:
    parts: list[str] = []
    for i in range(n):
        parts.append("k" * (i % 18) + "=" + "é" * (i % 3))
    return ";".join(parts)


def main() -> None:
    texts = ["", ";", ";;", "a", "a;", ";a", "a;;b", "abcdefg;abcdefgh;abcdefghi",
             "x" * 14 + ";" + "y" * 15 + ";" + "z" * 16 + ";" + "w" * 17,
             "日本;語;;é", fields(20)]
    for t in texts:
        out: list[str] = []
        total = 0
        for piece in t.split(";"):
            out.append(piece)
            total += len(piece)
        print(len(out), total, out == t.split(";"), repr(out[-1]))
    s = "a;b;c;d"
    seen: list[str] = []
    for p in s.split(";"):
        s = "changed"
        seen.append(p)
    print(seen, s)
    n = 0
    for p in fields(40).split(";"):
        if len(p) > 16:
            break
        if len(p) % 2 == 0:
            continue
        n += 1
        k, v = p.split("=")
        print(len(k), v)
    print(n)
    for t in ["", "   ", "a", " a ", "a  b\tc\nd\x0be\x0cf\rg\x1ch\x1fi", "é  日本 x", "x" * 15 + " " + "y" * 17,
              "\x85a\u2003b c"]:
        ws: list[str] = []
        for w in t.split():
            ws.append(w)
        print(len(ws), ws == t.split(), [len(w) for w in ws])
    for line in "id=1;t=2\nid=3;t=4\n\nx".splitlines():
        rec: dict[str, str] = {}
        for f in line.split(";"):
            if "=" in f:
                a, b = f.split("=")
                rec[a] = b
        print(rec)


if __name__ == "__main__":
    main()
