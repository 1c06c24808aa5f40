# corpus: edge: one-character locals kept as chars (`for ch in s`, `c = s[i]`, `c = "x"`) and s[i] tests keep CPython's results
def count_chars(s: str) -> list[int]:
    counts = [0] * 12
    for ch in s:
        if ch == ",":
            counts[10] += 1
        elif ch == "\n":
            counts[11] += 1
        else:
            counts[ord(ch) - 48] += 1
    return counts


def tokenize(src: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " ":
            i += 1
        elif c == "\n":
            tokens.append(("NEWLINE", c))
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("NUMBER", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("NAME", src[i:j]))
            i = j
        elif c in "+-*/" or c == "ab" or c != "é":
            tokens.append(("OP", c + c))
            i += 1
        else:
            tokens.append(("??", f"{c!r}{c}"))
            i += 1
    return tokens


def misc(s: str) -> None:
    last = "?"
    d: dict[str, int] = {}
    for ch in s:
        last = ch
        d[ch] = d.get(ch, 0) + 1
        if ch:
            pass
    print(last, d, ord(s[0]), ord(last), last.upper(), last * 3, [last], last in "xyz", last not in "")
    c = "é"
    print(c, len(c), c == "é", c.isalpha(), c.isupper(), c.upper(), str(c), repr(c), c in "abé")
    c = s[-1]
    print(c, c < "m", c >= s[0], s.count(c), s.find(c))


def main() -> None:
    print(count_chars("12,34\n5,6,7890\n"))
    print(tokenize("x1 = 23 + foo_bar\n é ab*7 == ∞2"))
    misc("hello wörld ∞ 🙂")
    words = "to be or not to be".split()
    firsts = ""
    for w in words:
        f = w[0]
        if f in "aeiou":
            firsts += f.upper()
        else:
            firsts += f
    print(firsts, [w[-1].isalpha() for w in words], sum(ord(w[0]) for w in words))
    try:
        s = "ab"
        c = s[5]
        print(c)
    except IndexError as e:
        print("IndexError", e)


main()
