# corpus: edge: a lambda parameter named like a local the loop around it indexes
def by_second(s: str, words: list[str]) -> list[str]:
    out: list[str] = []
    for i in range(len(s)):
        out.append(s[i])
        # `s` here is the lambda's own: its text is not the outer s (which is ASCII)
        out.append(",".join(sorted(words, key=lambda s: s[1])))
    return out


def by_last(xs: list[int], rows: list[list[int]]) -> list[int]:
    total: list[int] = []
    for i in range(len(xs)):
        xs[i] = xs[i] * 2
        best = max(rows, key=lambda xs: xs[-1])
        total.append(best[0] + xs[i])
    return total


def main() -> None:
    words = ["aë", "aé", "bz", "aa"]
    for part in by_second("ab", words):
        print(part)
    print(by_second("xyz", ["é1", "ü0", "e9"]))
    print(by_last([1, 2, 3], [[5, 1], [7, 9], [2, 4]]))
    print(by_last([10], [[1, -1], [2, -2]]))


main()
