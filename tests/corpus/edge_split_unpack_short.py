# corpus: edge: a, b = field.split(sep) of short strs made at run time (split pieces, concatenations): separators at every position, wrong counts, non-ASCII, NUL


def two(s: str, sep: str) -> str:
    try:
        a, b = s.split(sep)
    except ValueError as e:
        return "VE " + str(e)
    return f"{a!r}|{b!r}|{len(a)}|{len(b)}"


def three(s: str, sep: str) -> str:
    try:
        a, b, c = s.split(sep)
    except ValueError as e:
        return "VE " + str(e)
    return f"{a!r}|{b!r}|{c!r}"


def main() -> None:
    line = "k=v;temp=-12.34;=;a==b;=x;x=;count=567;label=s12;;id=1234567=;0123456=89abcde"
    for field in line.split(";"):
        print(repr(field), two(field, "="), three(field, "="))
    # every separator position in texts of 1 to 23 bytes (inline and longer)
    base = "abcdefghijklmnopqrstuvw"
    for n in range(1, 24):
        t = base[:n]
        for i in range(n):
            s = t[:i] + "=" + t[i + 1:]
            print(n, i, two(s, "="))
        print(n, "none", two(t, "="), three(t + "=" + t, "="))
    # pieces made in a loop, as a parser does
    rec: dict[str, str] = {}
    text = "\n".join(f"id={i};v={i * 7 % 13}.5;tag=t{i % 3}" for i in range(6))
    for ln in text.splitlines():
        for field in ln.split(";"):
            k, v = field.split("=")
            rec[k] = v
        print(sorted(rec.items()))
    for s in ["é=ü", "ß=", "=🙂", "a=🙂=b", "x\0y", "\0", "a\0b\0c"]:
        s2 = "" + s[:]
        print(repr(s2), two(s2, "="), two(s2, "\0"), three(s2, "\0"), two(s2, "é"))
    built = "" + str(12) + ":" + str(345)
    print(two(built, ":"), two(built, "3"), two(built, "12:"), two(built, "5"))


if __name__ == "__main__":
    main()
