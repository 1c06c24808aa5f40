# corpus: loops: `for w in words:` bodies that change no list (the items read in place): dict keys and values, break/continue/return, nested loops over one list, a per-line helper, a list-stable callee, the list changed after a break, a KeyError or a return


def weight(s: str) -> int:
    return len(s) * 2 + (1 if s.startswith("a") else 0)


def first_long(words: list[str], n: int) -> str:
    for w in words:
        if len(w) > n:
            return w
    return "-"


def tally(line: str, seen: dict[str, int], firsts: dict[str, str]) -> int:
    parts = line.split()
    total = 0
    for p in parts:
        if p == "#":
            break
        if p in ("the", "a"):
            continue
        total += weight(p)
        seen[p] = seen.get(p, 0) + 1
        firsts[p[0]] = p
    return total


def lookup_all(words: list[str], table: dict[str, int]) -> int:
    total = 0
    for w in words:
        total += table[w]
    return total


def main() -> None:
    words = "apple banana cherry apple date elderberry fig apple grape".split()
    counts: dict[str, int] = {}
    same: dict[str, str] = {}
    letters: set[str] = set()
    for w in words:
        counts[w] = counts.get(w, 0) + 1
        same[w] = w
        letters.add(w[0])
    print(counts, same, sorted(letters))
    print(first_long(words, 5), first_long(words, 20))
    pairs = 0
    joined = ""
    for a in words:
        for b in words:
            if a < b:
                pairs += 1
        joined += a[:2]
    print(pairs, joined)
    seen: dict[str, int] = {}
    firsts: dict[str, str] = {}
    lines = ["the cat sat on a mat", "a dog # ignored words", "", "cat and dog and cat"]
    print([tally(ln, seen, firsts) for ln in lines])
    print(seen, firsts)
    longest = ""
    for w in words:
        if len(w) > len(longest):
            longest = w
    print(longest, weight(longest))
    for w in words:
        if w == "date":
            break
    words.append("kiwi")
    table = {"apple": 1, "banana": 2}
    try:
        print(lookup_all(words, table))
    except KeyError as e:
        words.append("lime")
        print("missing", e, len(words))
    print(first_long(words, 6))
    words.sort()
    print(words)


main()
