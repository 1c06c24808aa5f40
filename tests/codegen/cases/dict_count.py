def count(words: list[str]) -> dict[str, int]:
    c: dict[str, int] = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    return c


print(count("a b a".split()))
