# translate_cost.py input: one realistic ~50-line function (sales report over CSV-like records) plus a call
SCALE = 1


def sales_report(lines: list[str], min_total: float) -> list[str]:
    totals: dict[str, float] = {}
    counts: dict[str, int] = {}
    regions: dict[str, list[str]] = {}
    bad = 0
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split(",")
        if len(fields) != 4:
            bad += 1
            continue
        region = fields[0].strip().lower()
        product = fields[1].strip()
        qty_text = fields[2].strip()
        price_text = fields[3].strip()
        if not qty_text.isdigit():
            bad += 1
            continue
        qty = int(qty_text) * SCALE
        price = float(price_text)
        amount = qty * price
        totals[product] = totals.get(product, 0.0) + amount
        counts[product] = counts.get(product, 0) + qty
        if region not in regions:
            regions[region] = []
        if product not in regions[region]:
            regions[region].append(product)
    report: list[str] = []
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    grand = 0.0
    for product, total in ranked:
        grand += total
        if total < min_total:
            continue
        avg = total / counts[product]
        report.append(f"{product:<10}{counts[product]:>6}{total:>12.2f}{avg:>9.2f}")
    for region in sorted(regions):
        names = ", ".join(sorted(regions[region]))
        report.append(f"{region}: {len(regions[region])} products ({names})")
    report.append(f"grand total {grand:.2f}, {bad} bad lines")
    return report


DATA = ["north, apple, 10, 0.5", "south, pear, 4, 0.75", "# comment", "north, pear, 3, 0.8",
        "east, plum, x, 1.0", "east, apple, 7, 0.55", "west, kiwi, 12, 0.3", "bad line"]
for out_line in sales_report(DATA, 1.0):
    print(out_line)
