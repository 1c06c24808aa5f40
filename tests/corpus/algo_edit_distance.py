# corpus: algo: Levenshtein distance with two rolling rows, spelling suggestions
WORDS = ["apple", "apply", "ample", "maple", "angle", "happy", "applet", "pale"]


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]


def suggest(word: str, limit: int) -> list[tuple[int, str]]:
    scored = [(distance(word, w), w) for w in WORDS]
    scored.sort()
    return [s for s in scored if s[0] <= limit]


def main() -> None:
    print(distance("kitten", "sitting"))
    print(distance("", "abc"), distance("abc", ""), distance("flaw", "lawn"))
    for query in ["appel", "mapple", "hapy", "zzz"]:
        sug = suggest(query, 2)
        if sug:
            text = ", ".join(f"{w}({d})" for d, w in sug)
            print(f"{query}: {text}")
        else:
            print(f"{query}: no suggestions")


if __name__ == "__main__":
    main()
