# Dataclasses with float fields built from ints. The generated __repr__ would show an int field
# as an int, but no instance is ever printed here, so it never runs; the generated __eq__ and
# ordering compare field tuples, where 3 == 3.0 as in CPython.
from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    price: float
    name: str = ""
    qty: int = 1

    def total(self) -> float:
        return self.price * self.qty * 1.0


@dataclass
class Cart:
    items: list[Item] = field(default_factory=list)
    discount: float = 0

    def add(self, name: str, price: float, qty: int = 1) -> None:
        self.items.append(Item(price, name, qty))

    def subtotal(self) -> float:
        s = 0.0
        for it in self.items:
            s += it.total()
        return s

    def total(self) -> float:
        return self.subtotal() * (1.0 - self.discount)


cart = Cart()
cart.add("apple", 3, 4)
cart.add("pear", 2.25, 2)
cart.add("melon", 5)
print(f"{cart.subtotal():.2f} {cart.total():.2f}")
sale = Cart(discount=0.25)
sale.add("tea", 8, 2)
print(f"{sale.total():.2f}")
print(Item(3, "a") == Item(3.0, "a"), Item(2, "z") < Item(2.5, "a"), Item(3, "b") <= Item(3.0, "b"))
cheapest = min(cart.items)
print(cheapest.name, f"{cheapest.price:.2f}")
print([it.name for it in sorted(cart.items)])
