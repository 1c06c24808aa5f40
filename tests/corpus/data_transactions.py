# corpus: data: bank transaction ledger, running balance, per-category totals, unannotated locals
LEDGER = [
    ("2024-01-03", "salary", 3200.0),
    ("2024-01-04", "rent", -1250.0),
    ("2024-01-09", "groceries", -84.35),
    ("2024-01-15", "groceries", -120.1),
    ("2024-01-20", "fun", -45.0),
    ("2024-02-01", "rent", -1250.0),
    ("2024-02-03", "salary", 3200.0),
    ("2024-02-11", "fun", -230.99),
    ("2024-02-14", "groceries", -66.6),
]


def summarize(ledger: list[tuple[str, str, float]]) -> dict[str, float]:
    totals = {}
    for _, cat, amount in ledger:
        totals[cat] = round(totals.get(cat, 0.0) + amount, 2)
    return totals


def main() -> None:
    balance = 0.0
    lowest = 0.0
    for date, cat, amount in LEDGER:
        balance += amount
        lowest = min(lowest, balance)
        sign = "+" if amount > 0 else "-"
        print(f"{date} {cat:<10} {sign}{abs(amount):>9.2f}  balance {balance:>9.2f}")
    print(f"final balance: {balance:.2f}, lowest: {lowest:.2f}")
    totals = summarize(LEDGER)
    print(totals)
    months = {}
    for date, _, amount in LEDGER:
        month = date[:7]
        months[month] = months.get(month, 0.0) + amount
    for month, net in months.items():
        print(f"{month}: net {'+' if net >= 0 else '-'}{abs(net):.2f}")
    spending = sorted((v, k) for k, v in totals.items() if v < 0)
    print("biggest expense category:", spending[0][1], spending[0][0])


if __name__ == "__main__":
    main()
