# corpus: classes: a Shape hierarchy, overriding, super(), dispatch through list[Shape], isinstance, type().__name__
import math


class Shape:
    sides = 0

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        raise NotImplementedError("area of an abstract shape")

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return math.pi * self.r * self.r


class Rect(Shape):
    sides = 4

    def __init__(self, w: float, h: float) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h

    def describe(self) -> str:
        return "a " + super().describe()


class Square(Rect):
    def __init__(self, s: float) -> None:
        super().__init__(s, s)
        self.name = "square"


def total_area(shapes: list[Shape]) -> float:
    total = 0.0
    for s in shapes:
        total += s.area()
    return total


def main() -> None:
    shapes: list[Shape] = [Circle(1.0), Rect(2.0, 3.0), Square(2.5)]
    shapes.append(Circle(0.5))
    for s in shapes:
        print(s.describe(), isinstance(s, Rect), isinstance(s, Circle), type(s).__name__)
    print(f"total {total_area(shapes):.3f}")
    print(shapes)
    print(Rect.sides, Square.sides, Circle.sides, shapes[1].sides)
    biggest = max(shapes, key=lambda s: s.area())
    print("biggest:", biggest)
    print(sorted(shapes, key=lambda s: s.area()))
    try:
        Shape("blob").area()
    except NotImplementedError as e:
        print("error:", e)


main()
