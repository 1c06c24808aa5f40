# corpus: data: inventory records as tuples, restock/sell operations, low-stock report, totals
STOCK: list[tuple[str, str, int, float]] = [
    ("A100", "hammer", 12, 9.99),
    ("A101", "screwdriver", 40, 4.5),
    ("B200", "drill", 3, 89.0),
    ("B201", "saw", 0, 24.95),
    ("C300", "tape", 150, 1.25),
]
ORDERS: list[tuple[str, int]] = [("A100", 5), ("B200", 4), ("C300", 100), ("Z999", 1), ("A101", 40), ("B201", 1)]
RESTOCK: list[tuple[str, int]] = [("B201", 10), ("B200", 6)]


def main() -> None:
    qty: dict[str, int] = {sku: q for sku, _, q, _ in STOCK}
    price: dict[str, float] = {sku: p for sku, _, _, p in STOCK}
    name: dict[str, str] = {sku: n for sku, n, _, _ in STOCK}
    revenue = 0.0
    for sku, want in ORDERS:
        if sku not in qty:
            print(f"order {sku}: unknown item")
        elif qty[sku] < want:
            print(f"order {sku}: only {qty[sku]} {name[sku]}(s) left, wanted {want}")
        else:
            qty[sku] -= want
            revenue += want * price[sku]
            print(f"order {sku}: sold {want} x {name[sku]} = {want * price[sku]:.2f}")
    for sku, add in RESTOCK:
        qty[sku] = qty.get(sku, 0) + add
    print(f"revenue: {revenue:.2f}")
    print(f"{'sku':<6}{'item':<13}{'qty':>5}{'value':>10}")
    for sku in sorted(qty, key=lambda s: qty[s] * price[s], reverse=True):
        print(f"{sku:<6}{name[sku]:<13}{qty[sku]:>5}{qty[sku] * price[sku]:>10.2f}")
    low = [name[s] for s in qty if qty[s] < 5]
    print("low stock:", low if low else "none")
    print("total units:", sum(qty.values()))
    print("stock value:", round(sum(qty[s] * price[s] for s in qty), 2))


if __name__ == "__main__":
    main()
