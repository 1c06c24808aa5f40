# the grouping idiom: `if k not in d: d[k] = []` then `d[k].append(x)` is one setdefault_with
# lookup; a default that is not a constant display, or an argument that is not a local, is not fused
def main() -> None:
    by_len: dict[int, list[str]] = {}
    other: dict[str, list[int]] = {}
    for w in ["a", "bb", "cc", "d", "eee"]:
        n = len(w)
        if n not in by_len:
            by_len[n] = []
        by_len[n].append(w)
        if w not in other:
            other[w] = [len(other)]
        other[w].append(n)
    print(by_len, other)


main()
