# corpus: text: report table with f-string alignment, widths, thousands separators, center/ljust
ROWS: list[tuple[str, int, float, str]] = [
    ("Widget", 1200, 3.5, "in stock"),
    ("Gadget", 45, 129.99, "low"),
    ("Thingamajig", 1234567, 0.05, "in stock"),
    ("Doohickey", 0, 15.0, "out"),
    ("Sprocket", 88, 2.125, "in stock"),
]


def main() -> None:
    name_w = max(len(r[0]) for r in ROWS) + 2
    header = f"{'Name':<{name_w}}|{'Qty':>10} |{'Price':>9} |{'Value':>14} | Status"
    print(header)
    print("-" * len(header))
    total = 0.0
    for name, qty, price, status in ROWS:
        value = qty * price
        total += value
        print(f"{name:<{name_w}}|{qty:>10,} |{price:>9.2f} |{value:>14,.2f} | {status.upper():^8}")
    print("=" * len(header))
    print(f"{'TOTAL':<{name_w}}|{sum(r[1] for r in ROWS):>10,} |{'':>9} |{total:>14,.2f} |")
    print()
    print("[" + "left".ljust(10, ".") + "]")
    print("[" + "right".rjust(10, ".") + "]")
    print("[" + "mid".center(10, "*") + "]")
    print("[" + "42".zfill(6) + "] [" + "-42".zfill(6) + "]")
    print(f"[{7:05d}] [{-7:05d}] [{3.14159:8.3f}]")
    print("{} scored {} points ({:.1f}%)".format("Ann", 42, 87.456))
    print("{0}-{1}-{0}".format("ab", "cd"))


if __name__ == "__main__":
    main()
