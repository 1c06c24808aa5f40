# corpus: edge: `if k not in d: d[k] = []` then `d[k].append(x)` (fused into one lookup) keeps CPython's results
from collections import defaultdict


def group(words: list[str]) -> dict[str, list[str]]:
    by_first: dict[str, list[str]] = {}
    for w in words:
        k = w[0]
        if k not in by_first:
            by_first[k] = []
        by_first[k].append(w)
    return by_first


def main() -> None:
    words = ["pear", "apple", "plum", "avocado", "kiwi", "peach", "apricot"]
    g = group(words)
    print(g, list(g))
    alias = g["p"]
    alias.append("papaya")
    print(g["p"])
    pairs: dict[tuple[str, int], set[int]] = {}
    counts: dict[int, list[int]] = {}
    dd: defaultdict[str, list[int]] = defaultdict(list)
    seen: dict[str, list[int]] = {}
    for i in range(14):
        k = "xyz"[i % 3]
        t = (k, i % 2)
        if t not in pairs:
            pairs[t] = set()
        pairs[t].add(i)
        if i % 4 not in counts:
            counts[i % 4] = [-1]
        counts[i % 4].append(i)
        if k not in dd:
            dd[k] = [100]
        dd[k].append(len(dd))
        # the argument reads the dict: the key is inserted before it is evaluated
        if "n" not in seen:
            seen["n"] = []
        n = len(seen)
        seen["n"].append(n)
        if k not in seen:
            seen[k] = [0]
        seen[k].extend([i, len(seen)])
    print(pairs)
    print(counts)
    print(dict(dd))
    print(seen)
    flags: dict[bool, list[str]] = {}
    for w in words:
        b = len(w) > 4
        if b not in flags:
            flags[b] = []
        flags[b].insert(0, w)
    print(flags)


if __name__ == "__main__":
    main()
