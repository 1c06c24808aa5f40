# A dataclass held in a dict by another class: `self.items[name].qty += n`, iteration in key order
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    qty: int = 0
    tags: list[str] = field(default_factory=list)

    def total(self) -> float:
        return self.price * self.qty


class Inventory:
    def __init__(self):
        self.items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item

    def remove(self, name: str, qty: int) -> bool:
        item = self.items.get(name)
        if item is None or item.qty < qty:
            return False
        item.qty -= qty
        if item.qty == 0:
            del self.items[name]
        return True

    def value(self) -> float:
        return sum(i.total() for i in self.items.values())

    def by_tag(self, tag: str) -> list[str]:
        return sorted(n for n, i in self.items.items() if tag in i.tags)


inv = Inventory()
inv.add(Item("apple", 0.5, 10, ["fruit"]))
inv.add(Item("pear", 0.75, 4, ["fruit", "green"]))
inv.add(Item("kale", 2.0, 1, ["green"]))
inv.add(Item("apple", 0.5, 5))
print(inv.remove("kale", 1), inv.remove("pear", 10))
print(f"{inv.value():.2f}", inv.by_tag("fruit"), inv.by_tag("green"))
for name in sorted(inv.items):
    item = inv.items[name]
    print(name, item)
print(Item("x", 1.0) == Item("x", 1.0, 0, []))
