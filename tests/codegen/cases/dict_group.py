# the grouping idiom: `if k not in d: d[k] = []` then `d[k].append(x)` is one setdefault_with
# lookup; a default that is not a constant display, or an argument that is not a local, is not
# fused; the counting idiom `if k in d: d[k] += 1` / `else: d[k] = 1` is one add_int
def main() -> None:
    by_len: dict[int, list[str]] = {}
    other: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for w in ["a", "bb", "cc", "d", "eee", "a"]:
        n = len(w)
        if n not in by_len:
            by_len[n] = []
        by_len[n].append(w)
        if w not in other:
            other[w] = [len(other)]
        other[w].append(n)
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    print(by_len, other, counts)


main()
