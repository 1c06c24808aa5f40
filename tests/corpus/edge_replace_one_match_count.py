# corpus: edge: str.replace with a longer old (no match, one match, several, overlapping), count 0/1/2/-1, empty old and new, non-ASCII, inline and long texts
BASE = "  grace taylor ,  new york, 130.29 ;ok ;ok;o ééé 東京東京 ßß İx \x1c end;ok"


def rep(s: str, old: str, new: str, n: int) -> str:
    return s.replace(old, new, n)


def main() -> None:
    pats = [(";ok", ""), (";ok", "!"), (";ok", ";ok;ok"), ("aa", "a"), ("ééé", "e"), ("東京", "Tokyo"),
            ("ß", "ss"), ("İ", "i"), ("\x1c", " "), ("end;ok", ""), ("zz", "y"), ("", "-")]
    for n in (0, 1, 7, 8, 9, 13, 14, 15, 16, 17, 22, 40, 80):
        t = BASE[:n]
        for old, new in pats:
            print(n, repr(old), repr(t.replace(old, new)), repr(rep(t, old, new, 1)), repr(rep(t, old, new, 0)),
                  rep(t, old, new, 2) == t.replace(old, new, 2))
    print(repr("aaaa".replace("aa", "b")), repr("aaaaa".replace("aa", "b")), repr("aaa".replace("aa", "a", 1)))
    print(repr("abababab".replace("aba", "X")), repr("abab".replace("abab", "")), repr("abab".replace("ababx", "")))
    print(repr("".replace("ab", "x")), repr("".replace("", "x")), repr("".replace("", "x", 0)), repr("ab".replace("", "-", 2)))
    print(repr("x;ok".replace(";ok", "")), repr(";ok".replace(";ok", "")), repr(";ok;ok".replace(";ok", "", -3)))
    long = "line " * 20 + ";ok"
    once = long.replace(";ok", "")
    print(len(once), once[-6:], once == long[:-3], len(long.replace("line", "LINE", 3)), long.replace("line", "l", 19).count("l "))
    print(long.replace(";ok", "")[95:], long.strip().replace(";ok", "").split(" ")[-2:])
    for k in range(-2, 5):
        print(k, repr("a-b-c-d".replace("-", "+-+", k)), repr("a--b--c".replace("--", "", k)), repr("ééé".replace("é", "e", k)))
    t = "  mixed ,  ÉCOLE  , 12.50 ;ok"
    body = t.strip().replace(";ok", "")
    fields = [f.strip() for f in body.split(",")]
    print(fields, body.replace(" ", "_"), fields[1].replace("É", "E").lower(), len(body), body.upper().replace("Ö", "O"))


if __name__ == "__main__":
    main()
