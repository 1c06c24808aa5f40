# corpus: edge: replace of one ASCII char by another (in words; inline lengths 0-17 and long), str parameters taken by reference
BASE = "ab c_d e\x00fgh ijklmnop qrs tuv wxyz é ü ß 東京 end"


def swap(s: str, a: str, b: str) -> str:
    return s.replace(a, b)


def same(s: str) -> str:
    return s


def keep(s: str, into: list[str]) -> int:
    into.append(s)
    return len(into)


def depth(s: str, n: int) -> int:
    if not s:
        return n
    return depth(s[1:], n + 1)


def twice(a: str, b: str) -> str:
    return swap(a, " ", "-") + "|" + swap(b, "-", " ")


def main() -> None:
    for n in (0, 1, 2, 7, 8, 9, 13, 14, 15, 16, 17, 22, 23, 30, 60):
        t = BASE[:n]
        print(n, repr(swap(t, " ", "_")), repr(swap(t, "a", "A")), repr(swap(t, "\x00", "0")))
        print(repr(t.replace(" ", "_", 1)), repr(t.replace("é", "e")), repr(t.replace("e", "é")))
        print(repr(swap(t, "@", "#")) == repr(t), swap(t, " ", " ") == t, len(swap(t, " ", "")))
        print(repr(t.upper().replace(" ", "_")), repr(t.strip().replace("d", "D")))
    print(repr("\x00\x00\x00".replace("\x00", "z")), repr("aaaaaaaaaaaaaaaaaa".replace("a", "b")))
    print(repr("".replace("", "x")), repr("ab".replace("", "-")))
    kept: list[str] = []
    word = "a long parameter text, longer than any inline string"
    print(keep(word, kept), keep(same(word), kept), keep("lit", kept), keep(word[:3], kept), kept)
    print(depth(word, 0), depth("", 5), depth("東京", 0), same(""), same(BASE) == BASE)
    print(twice(word, word), twice("a-b c", "a b-c"))
    d = {same(word): 1, "k": 2}
    print(d[word], d[same("k")], same(word) is not None)
    print(swap(word, "", "x")[:12])
    print(swap(word, "x", "yy").count("yy"), swap(word, "ö", "o"))
    print(swap(word[60:], "a", "b") + "|", word[60:99].replace("a", "b"))
    print(depth(word[int(same("5")):], 0))
    print(word[int(same("x1"))])


if __name__ == "__main__":
    main()
