"""A report written with printf-style formatting, as older Python code is: widths, flags,
precisions, %r of strs, %d of floats, %% and a value that may be None."""
from typing import Optional


class Item:
    def __init__(self, name: str, qty: int, price: float) -> None:
        self.name = name
        self.qty = qty
        self.price = price

    def __str__(self) -> str:
        return "%s x%d" % (self.name, self.qty)


def discount(name: str) -> Optional[int]:
    table = {"pear": 10, "fig": 25}
    return table.get(name)


items = [Item("apple", 3, 0.5), Item("pear", 12, 1.25), Item("fig", 7, 2.675), Item("dragonfruit", 1, 9.99)]
print("%-12s|%5s|%8s|%6s" % ("item", "qty", "price", "off"))
print("-" * 34)
total = 0.0
for it in items:
    off = discount(it.name)
    line_total = it.qty * it.price
    total += line_total
    print("%-12.10s|%5d|%8.2f|%5s%%" % (it.name, it.qty, it.price, off))
print("%-12s|%5d|%8.2f|" % ("total", sum(i.qty for i in items), total))
print("mean price %.3f, as int %d, hex qty %#06x, octal %o" % (total / len(items), total, 255, 8))
print("items: %s; first %r; %c%c" % (", ".join(str(i) for i in items), items[0].name, 79, 75))
print("%+.1e | % d | %05.1f | %g | %G" % (total * 1e6, 42, -2.5, 1e-5, 1e20))
for it in items:
    off = discount(it.name)
    try:
        print("%s: %d%% off" % (it.name, off))
    except TypeError as e:
        print("%s: no discount (%s)" % (it.name, e))
ratio = float("inf")
try:
    print("ratio %d" % ratio)
except OverflowError as e:
    print("OverflowError:", e)
