# kernel: string-keyed lookups: a product catalogue in a dict, membership in a set, f-string keys


def main() -> None:
    prices: dict[str, int] = {}
    x = 5
    for i in range(200000):
        x = (x * 1103515245 + 12345) % 2147483648
        prices[f"SKU-{i:06d}"] = 100 + x % 9900
    discontinued: set[str] = set()
    for i in range(0, 200000, 7):
        discontinued.add(f"SKU-{i:06d}")
    total = 0
    missing = 0
    skipped = 0
    for j in range(8000000):
        x = (x * 1103515245 + 12345) % 2147483648
        sku = "SKU-" + str(x % 250000).zfill(6)
        if sku in discontinued:
            skipped += 1
            continue
        price = prices.get(sku, -1)
        if price < 0:
            missing += 1
        else:
            total += price
    print(f"total {total}, missing {missing}, discontinued {skipped}, catalogue {len(prices)}")


if __name__ == "__main__":
    main()
