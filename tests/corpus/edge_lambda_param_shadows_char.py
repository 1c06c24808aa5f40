# corpus: edge: a lambda parameter named like a one-character local of its function, or like its list parameter, keeps CPython's results
def pick(words: list[str], s: str) -> list[str]:
    c = s[0]
    out = sorted(words, key=lambda c: (len(c), c))
    return [w for w in out if c in w] + [c] + sorted(words, key=lambda words: words[::-1])


def main() -> None:
    print(pick(["bb", "a", "ccc", "ab"], "a!"))
    print(pick(["é", "ée", "e"], "é"))


if __name__ == "__main__":
    main()
