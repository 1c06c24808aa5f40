# corpus: data: sales grouped by (region, month) tuple keys, pivot table printing, percentages
SALES: list[tuple[str, int, float]] = [
    ("north", 1, 1200.5), ("south", 1, 980.0), ("east", 1, 450.25),
    ("north", 2, 1100.0), ("south", 2, 1340.75), ("west", 2, 300.0),
    ("north", 3, 1500.0), ("east", 3, 610.0), ("south", 3, 1005.5),
    ("west", 3, 720.0), ("north", 1, 99.5), ("east", 2, 505.0),
]
MONTHS = ["Jan", "Feb", "Mar"]


def main() -> None:
    cells: dict[tuple[str, int], float] = {}
    for region, month, amount in SALES:
        key = (region, month)
        cells[key] = cells.get(key, 0.0) + amount
    regions = sorted({r for r, _, _ in SALES})
    print(f"{'region':<8}" + "".join(f"{m:>10}" for m in MONTHS) + f"{'total':>11}")
    grand = 0.0
    region_totals: dict[str, float] = {}
    for r in regions:
        row = [cells.get((r, m), 0.0) for m in range(1, 4)]
        region_totals[r] = sum(row)
        grand += sum(row)
        print(f"{r:<8}" + "".join(f"{v:>10.2f}" for v in row) + f"{sum(row):>11.2f}")
    col_totals = [sum(cells.get((r, m), 0.0) for r in regions) for m in range(1, 4)]
    print(f"{'all':<8}" + "".join(f"{v:>10.2f}" for v in col_totals) + f"{grand:>11.2f}")
    print()
    for r, t in sorted(region_totals.items(), key=lambda kv: -kv[1]):
        share = t / grand * 100
        print(f"{r:<6} {share:5.1f}% {'#' * int(share // 2)}")
    best_key = max(cells, key=lambda k: cells[k])
    print(f"best cell: {best_key[0]} in {MONTHS[best_key[1] - 1]} = {cells[best_key]:,.2f}")
    print("months with sales in every region:", [MONTHS[m - 1] for m in range(1, 4) if all((r, m) in cells for r in regions)])


if __name__ == "__main__":
    main()
