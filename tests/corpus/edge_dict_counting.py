# corpus: edge: the counting idioms d[k] = d.get(k, 0) + x and d[k] += x (one lookup in the
# translation): new and existing keys, KeyError, tuple and constant keys, float sums, a key that
# is itself d2[k2], values updated while iterating, and a sum that outgrows 64 bits
def main() -> None:
    counts: dict[str, int] = {}
    for w in "the cat and the dog and the bird".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    start = 10
    step = 5
    for w in ["x", "y", "x"]:
        counts[w] = counts.get(w, start) + step
    print(counts)
    pairs: dict[tuple[str, int], int] = {}
    for i in range(10):
        key = ("even" if i % 2 == 0 else "odd", i % 3)
        pairs[key] = pairs.get(key, 0) + i
    print(pairs)
    stats: dict[str, int] = {"orders": 0, "units": 0}
    for q in [3, 1, 4, 1, 5]:
        stats["orders"] += 1
        stats["units"] += q
    print(stats)
    try:
        stats["missing"] += 1
    except KeyError as e:
        print("KeyError", e)
    print(stats)
    totals: dict[str, float] = {}
    for name, amount in [("a", 0.1), ("b", 2.5), ("a", 0.2), ("c", -0.0), ("c", 0.0)]:
        totals[name] = totals.get(name, 0.0) + amount
    print(totals)
    totals["a"] += 1.5
    print(totals)
    rec: dict[str, str] = {"label": "s1", "other": "s2"}
    labels: dict[str, int] = {}
    for _ in range(3):
        labels[rec["label"]] = labels.get(rec["label"], 0) + 1
    print(labels)
    try:
        labels[rec["nope"]] = labels.get(rec["nope"], 0) + 1
    except KeyError as e:
        print("KeyError", e)
    for k in labels:
        labels[k] += 100
    print(labels)
    by_num: dict[int, int] = {}
    for n in [3, 1, 3, 3, 2]:
        by_num[n] = by_num.get(n, 0) + n
        by_num[7] = by_num.get(7, -1) + 1
    print(by_num)
    big: dict[str, int] = {"x": 9223372036854775000}
    for _ in range(3):
        big["x"] = big.get("x", 0) + 500
        print(big)


main()
