# corpus: edge: `x = []` / `x = {}` in a loop, with and without other references to the old one
def main() -> None:
    rows: list[list[int]] = []
    row: list[int] = []
    for i in range(5):
        row = []
        for j in range(i):
            row.append(j * i)
        if i % 2 == 0:
            rows.append(row)
    print(rows, row)
    recs: list[dict[str, int]] = []
    keep: dict[str, int] = {}
    rec: dict[str, int] = {}
    for i in range(6):
        rec = {}
        rec["a" + str(i)] = i
        rec["b"] = i * i
        if i == 3:
            keep = rec
        if i % 3 == 0:
            recs.append(rec)
    print(recs, keep, rec)
    alias: list[int] = [1, 2, 3]
    other = alias
    alias = []
    alias.append(9)
    print(alias, other)
    big: list[int] = []
    for k in range(3):
        big = []
        big.extend(range(1000 * k))
        print(len(big), sum(big))
    d: dict[int, list[int]] = {}
    for k in range(3):
        d = {}
        for m in range(100 * k):
            d[m] = [m]
        print(len(d), d.get(5, [-1]))
    nested: list[list[list[int]]] = []
    for k in range(3):
        nested = []
        nested.append([[k]])
    print(nested)


if __name__ == "__main__":
    main()
