# corpus: classes: inventory of Item objects in a dict, restock/sell through methods, report sorted by attribute, exceptions from methods
class OutOfStock(Exception):
    def __init__(self, sku: str, want: int, have: int) -> None:
        super().__init__(f"{sku}: want {want}, have {have}")
        self.sku = sku


class Item:
    def __init__(self, sku: str, name: str, qty: int, price: float) -> None:
        self.sku = sku
        self.name = name
        self.qty = qty
        self.price = price

    def value(self) -> float:
        return self.qty * self.price

    def sell(self, n: int) -> float:
        if n > self.qty:
            raise OutOfStock(self.sku, n, self.qty)
        self.qty -= n
        return n * self.price

    def __repr__(self) -> str:
        return f"Item({self.sku!r}, {self.name!r}, {self.qty}, {self.price})"


class Inventory:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}
        self.revenue = 0.0

    def add(self, item: Item) -> None:
        self.items[item.sku] = item

    def sell(self, sku: str, n: int) -> None:
        try:
            self.revenue += self.items[sku].sell(n)
            print(f"sold {n} of {sku}")
        except OutOfStock as e:
            print(f"cannot sell: {e} ({e.sku})")
        except KeyError:
            print(f"unknown sku {sku}")

    def low(self, limit: int) -> list[Item]:
        return [it for it in self.items.values() if it.qty < limit]

    def report(self) -> None:
        for it in sorted(self.items.values(), key=lambda i: (-i.value(), i.sku)):
            print(f"{it.sku:<6}{it.name:<10}{it.qty:>5}{it.value():>10.2f}")


def main() -> None:
    inv = Inventory()
    for sku, name, q, p in [("A1", "hammer", 10, 9.5), ("B2", "nails", 500, 0.02), ("C3", "saw", 2, 25.0)]:
        inv.add(Item(sku, name, q, p))
    inv.sell("A1", 3)
    inv.sell("C3", 5)
    inv.sell("Z9", 1)
    inv.sell("B2", 120)
    print(inv.low(8))
    inv.report()
    print(f"revenue {inv.revenue:.2f}")
    saw = inv.items["C3"]
    saw.qty += 10
    print(inv.items["C3"].qty, inv.low(8))


main()
