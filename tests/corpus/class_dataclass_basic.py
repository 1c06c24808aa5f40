# corpus: dataclasses: generated __init__/__repr__/__eq__, defaults, field(default_factory=...), __post_init__, mutation through aliases
from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


@dataclass
class Order:
    customer: str
    items: list[str] = field(default_factory=list)
    total: float = 0.0
    note: str = "none"

    def __post_init__(self) -> None:
        self.customer = self.customer.strip().title()

    def add(self, item: str, price: float) -> None:
        self.items.append(item)
        self.total += price


@dataclass
class Line:
    start: Point
    end: Point
    tags: dict[str, int] = field(default_factory=dict)


def main() -> None:
    p = Point(3, -4)
    q = Point(3)
    print(p, q, p == Point(3, -4), p == q, p != q, p.norm1())
    q.y = 7
    r = q
    r.x += 1
    print(q, r is q)
    o = Order("  ada lovelace ")
    o2 = Order("bob", ["pen"], 1.5, note="rush")
    o.add("book", 12.5)
    o.add("lamp", 30.0)
    print(o)
    print(o2)
    print(Order("x").items == Order("x").items, Order("c") == Order("c"))
    ln = Line(Point(0, 0), Point(2, 2))
    ln.tags["len"] = 2
    ln.end.x = 5
    print(ln)
    print([Point(i, i * i) for i in range(3)])
    print(sorted([Point(2, 1), Point(1, 5)], key=lambda pt: pt.x))


main()
