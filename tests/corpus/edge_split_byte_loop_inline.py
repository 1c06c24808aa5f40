# corpus: strings: for x in s.split(";") loops: empty pieces, ends, long and non-ASCII pieces, rebinding the text, break


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
    for line in "id=1;t=2\nid=3;t=4\n\nx".splitlines():
        rec: dict[str, str] = {}
        for f in line.split(";"):
            if "=" in f:
                a, b = f.split("=")
                rec[a] = b
        print(rec)


if __name__ == "__main__":
    main()
