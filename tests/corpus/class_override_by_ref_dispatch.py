# corpus: class: overriding methods called through the base, dunders the runtime calls, setters and a method rebinding `self` keep one signature per dispatched method
class Shape:
    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size

    def area(self) -> int:
        return self.size * self.size

    def bigger(self, other: "Shape") -> "Shape":
        return self if self.area() >= other.area() else other

    def pick(self, other: "Shape") -> str:
        return self.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Shape) and self.area() == other.area()

    def __lt__(self, other: "Shape") -> bool:
        return self.area() < other.area()

    def __repr__(self) -> str:
        return f"{self.name}({self.area()})"

    @property
    def label(self) -> str:
        return self.name.upper()

    @label.setter
    def label(self, value: str) -> None:
        self.name = value.lower()


class Rect(Shape):
    def __init__(self, name: str, w: int, h: int) -> None:
        super().__init__(name, w)
        self.h = h

    def area(self) -> int:
        return self.size * self.h

    def pick(self, other: Shape) -> str:
        self = Rect(other.name, 1, 1)  # rebinds self: this method and Shape.pick stay by value
        return "rect->" + self.name

    def __repr__(self) -> str:
        return "Rect:" + super().__repr__()


class Square(Shape):
    def bigger(self, other: Shape) -> Shape:
        best = super().bigger(other)
        return best if best is not self else Square(self.name + "'", self.size)


def build(kind: str, n: int) -> Shape:
    if n % 2:
        return Rect(kind + str(n), n, n + 1)
    return Square(kind + str(n), n)


def main() -> None:
    shapes: list[Shape] = [build("s", i) for i in range(1, 7)] + [Shape("plain", 3)]
    for a in shapes:
        b = shapes[(shapes.index(a) + 3) % len(shapes)]
        print(repr(a), a.area(), a.bigger(b), a.pick(b), a == b, a < b)
    print(sorted(shapes), max(shapes), min(shapes))
    print(Square("q", 2) in shapes, Rect("r", 1, 4) in shapes, shapes.count(Shape("x", 4)))
    s = shapes[0]
    s.label = "RENAMED"
    print(s.label, s, shapes[0] is s)
    first = shapes[0]
    shapes.clear()
    print(first.bigger(Rect("big", 9, 9)), first)


main()
