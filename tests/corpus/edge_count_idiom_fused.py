# corpus: edge: `if k in d: d[k] += x` / `else: d[k] = x` (fused into one lookup) keeps CPython's results, overflow included
from collections import Counter, defaultdict


def count(words: list[str]) -> dict[str, int]:
    d: dict[str, int] = {}
    for w in words:
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
    return d


def main() -> None:
    words = "the cat and the hat and the bat".split()
    print(count(words))
    step = -3
    e: dict[tuple[str, int], int] = {}
    c: Counter[str] = Counter()
    dd: defaultdict[int, int] = defaultdict(int)
    other: dict[str, int] = {}
    for i, w in enumerate(words):
        t = (w, i % 2)
        if t not in e:
            e[t] = step
        else:
            e[t] += step
        if w in c:
            c[w] += 2
        else:
            c[w] = 2
        if len(w) in dd:
            dd[len(w)] += i
        else:
            dd[len(w)] = i
        # not the idiom: the else stores another value
        if w in other:
            other[w] += 1
        else:
            other[w] = 10
    print(e)
    print(c.most_common(2), dict(dd), other)
    big: dict[str, int] = {}
    x = 2**62
    for w in ["a", "a", "b", "a"]:
        if w in big:
            big[w] += x
        else:
            big[w] = x
    print(big)


if __name__ == "__main__":
    main()
