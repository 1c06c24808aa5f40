# corpus: classes: objects without __eq__ are compared and hashed by identity (dict keys, sets, in, index, remove)
class Token:
    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Token({self.text!r})"


def main() -> None:
    a = Token("x")
    b = Token("x")
    c = a
    print(a == b, a == c, a != b, a is c)
    counts: dict[Token, int] = {}
    for t in [a, b, c, a]:
        counts[t] = counts.get(t, 0) + 1
    print(len(counts), counts[a], counts[b])
    print(list(counts.items()))
    s = {a, b, c}
    print(len(s), a in s, Token("x") in s)
    ts = [a, b, a]
    print(ts.index(b), ts.count(a), b in ts, Token("x") in ts)
    ts.remove(a)
    print(ts, ts[0] is b)
    names = {t: t.text.upper() for t in [a, b]}
    print(sorted(names.values()), names[c])


main()
