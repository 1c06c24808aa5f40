# corpus: class: `for s in shapes:` borrowing objects whose methods are overridden: pure overrides, one override changing the list looped over, property setters
class Shape:
    def __init__(self, name: str) -> None:
        self.name = name
        self.scale = 1.0

    def area(self) -> float:
        return 0.0

    @property
    def size(self) -> float:
        return self.scale

    @size.setter
    def size(self, v: float) -> None:
        self.scale = max(v, 0.5)


class Square(Shape):
    def __init__(self, name: str, side: float) -> None:
        super().__init__(name)
        self.side = side

    def area(self) -> float:
        return self.side * self.side * self.scale


class Circle(Shape):
    def __init__(self, name: str, r: float) -> None:
        super().__init__(name)
        self.r = r

    def area(self) -> float:
        if self.r < 0.0:
            raise ValueError(f"{self.name}: negative radius {self.r}")
        return 3.25 * self.r * self.r * self.scale


class Node:
    def __init__(self, value: int, pool: list["Node"]) -> None:
        self.value = value
        self.pool = pool

    def visit(self) -> int:
        return self.value


class Splitter(Node):
    def visit(self) -> int:
        if self.value > 1:  # adds to the list being looped over: CPython visits the new nodes
            self.pool.append(Splitter(self.value // 2, self.pool))
        return self.value


def main() -> None:
    shapes: list[Shape] = [Square("sq", 2.0), Circle("c1", 1.5), Shape("dot"), Circle("c2", 0.5)]
    total = 0.0
    for s in shapes:
        s.size = s.size * 0.25 + len(s.name)  # a property setter
        total += s.area()
    print(round(total, 4), [(x.name, x.size) for x in shapes])
    shapes.append(Circle("bad", -1.0))
    try:
        for t in shapes:
            total -= t.area()
    except ValueError as e:
        print("error:", e, round(total, 4))
    pool: list[Node] = []
    pool.append(Node(3, pool))
    pool.append(Splitter(12, pool))
    seen = 0
    for n in pool:
        seen += n.visit()
    print(len(pool), seen, [x.value for x in pool])


main()
