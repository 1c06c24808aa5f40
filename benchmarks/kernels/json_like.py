# kernel: JSON-like nested dicts and lists: build, aggregate and serialise to text

TAGS = ["new", "sale", "gift", "eco", "bulk", "rare"]


def make_orders(n: int) -> list[dict[str, list[int]]]:
    orders: list[dict[str, list[int]]] = []
    x = 123
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        items = [(x // (k + 1)) % 50 for k in range(1 + x % 5)]
        qty = [1 + (x // (k + 7)) % 4 for k in range(len(items))]
        orders.append({"id": [i], "items": items, "qty": qty, "tags": [x % 6, (x // 6) % 6]})
    return orders


def to_json(order: dict[str, list[int]]) -> str:
    fields: list[str] = []
    for key, values in order.items():
        fields.append(f'"{key}": [' + ", ".join([str(v) for v in values]) + "]")
    return "{" + ", ".join(fields) + "}"


def main() -> None:
    orders = make_orders(450000)
    per_customer: dict[str, dict[str, int]] = {}
    tag_items: dict[str, list[int]] = {}
    for order in orders:
        cust = f"c{order['id'][0] % 1000}"
        stats = per_customer.setdefault(cust, {"orders": 0, "units": 0})
        stats["orders"] += 1
        stats["units"] += sum(order["qty"])
        for t in order["tags"]:
            tag_items.setdefault(TAGS[t], []).extend(order["items"])
    text = "[" + ",\n".join([to_json(o) for o in orders]) + "]"
    best = max(per_customer.items(), key=lambda kv: (kv[1]["units"], kv[0]))
    print(f"{len(text)} chars of JSON, {text.count('[')} lists, best customer {best}")
    print({t: len(v) for t, v in sorted(tag_items.items())})
    print(to_json(orders[-1]))


if __name__ == "__main__":
    main()
