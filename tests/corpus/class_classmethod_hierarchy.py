class Shape:
    SIDES = 0
    made = 0

    def __init__(self, size: int):
        self.size = size

    @classmethod
    def make(cls, size: int) -> "Shape":
        Shape.made += 1
        return cls(size)

    @classmethod
    def unit(cls) -> "Shape":
        return cls.make(1)

    @classmethod
    def describe(cls) -> str:
        return f"{cls.__name__} with {cls.SIDES} sides ({cls.kind()})"

    @classmethod
    def kind(cls) -> str:
        return "shape"

    def area(self) -> int:
        return 0

    def clone(self) -> "Shape":
        return self.make(self.size)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.size})"


class Square(Shape):
    SIDES = 4

    def area(self) -> int:
        return self.size * self.size

    @classmethod
    def kind(cls) -> str:
        return "polygon"


class Triangle(Shape):
    SIDES = 3

    def __init__(self, size: int):
        super().__init__(size)
        self.half = size // 2

    def area(self) -> int:
        return self.size * self.half


class Cube(Square):
    pass


shapes = [Shape.make(2), Square.make(3), Triangle.make(4), Cube.unit()]
for s in shapes:
    print(s, s.area(), s.describe(), s.clone(), type(s.clone()).__name__)
print(Shape.describe())
print(Square.describe())
print(Triangle.describe())
print(Cube.describe(), Cube.kind(), Triangle.kind())
print(Shape.made)
sq = Square(5)
print(sq.make(7).area(), sq.unit(), sq.kind())
big = Square.make(2 ** 40)
print(big.area() * Cube.SIDES ** 30, big.describe())
