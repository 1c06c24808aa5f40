# corpus: edge: one-character locals as dict keys, stored and counted, in a program that needs the big-int build keep CPython's results
def main() -> None:
    d: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for w in "abcaé🙂a":
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
        firsts[w] = ord(w) * 2**64
    s = "hello"
    i = 0
    seen: dict[str, list[int]] = {}
    while i < len(s):
        c = s[i]
        if c not in seen:
            seen[c] = []
        seen[c].append(i)
        i += 1
    print(sorted(d.items()), sorted(firsts.items()), seen, 2**70 + len(d))


if __name__ == "__main__":
    main()
