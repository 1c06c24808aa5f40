# corpus: algo: 0/1 knapsack DP table with item reconstruction
ITEMS: list[tuple[str, int, int]] = [
    ("tent", 5, 60), ("stove", 3, 40), ("food", 4, 50),
    ("camera", 2, 35), ("book", 1, 10), ("rope", 2, 15),
]


def knapsack(capacity: int) -> tuple[int, list[str]]:
    n = len(ITEMS)
    table: list[list[int]] = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        name, weight, value = ITEMS[i - 1]
        for c in range(capacity + 1):
            table[i][c] = table[i - 1][c]
            if weight <= c and table[i - 1][c - weight] + value > table[i][c]:
                table[i][c] = table[i - 1][c - weight] + value
    chosen: list[str] = []
    c = capacity
    for i in range(n, 0, -1):
        if table[i][c] != table[i - 1][c]:
            chosen.append(ITEMS[i - 1][0])
            c -= ITEMS[i - 1][1]
    chosen.reverse()
    return table[n][capacity], chosen


def main() -> None:
    print(f"{'item':<8}{'wt':>4}{'val':>5}")
    for name, w, v in ITEMS:
        print(f"{name:<8}{w:>4}{v:>5}")
    for cap in [0, 1, 5, 8, 10, 17]:
        best, items = knapsack(cap)
        print(f"capacity {cap:>2}: value {best:>3} items {items}")


if __name__ == "__main__":
    main()
