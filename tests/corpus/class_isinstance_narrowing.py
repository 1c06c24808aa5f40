# isinstance() narrows an object of a base class to the subclass it tests for
from dataclasses import dataclass


@dataclass
class Shape:
    name: str

    def describe(self) -> str:
        return "shape " + self.name


@dataclass
class Circle(Shape):
    r: float

    def describe(self) -> str:
        return f"circle r={self.r}"


@dataclass
class Square(Shape):
    side: float


def circle_area(c: Circle) -> float:
    return 3.0 * c.r * c.r


def area(s: Shape) -> float:
    if isinstance(s, Circle) and s.r > 0:
        return circle_area(s)
    if not isinstance(s, Square):
        return 0.0
    return s.side * s.side


def grow(s: Shape) -> str:
    if isinstance(s, Circle):
        s.r += 1.0
        print(s.describe())
        return "big" if circle_area(s) > 10.0 else "small"
    return s.describe()


def main() -> None:
    shapes = [Circle("c", 2.0), Square("s", 3.0), Shape("x"), Circle("z", 0.0)]
    for sh in shapes:
        print(sh.name, area(sh))
    print(grow(Circle("g", 1.0)), grow(Shape("p")))
    print(shapes[0])


if __name__ == "__main__":
    main()
