# corpus: class: object parameters and `self` by reference through operators (NotImplemented), item setters, class and static methods, generators and hashing
from typing import Iterator


class Vec:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __add__(self, other: object) -> "Vec":
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"

    @classmethod
    def of(cls, v: "Vec") -> "Vec":
        return cls(v.x * 2, v.y * 2)

    @staticmethod
    def dot(a: "Vec", b: "Vec") -> int:
        return a.x * b.x + a.y * b.y

    def parts(self) -> Iterator[int]:
        yield self.x
        yield self.y


class Grid:
    def __init__(self) -> None:
        self.cells: dict[int, Vec] = {}
        self.last: Vec | None = None

    def __setitem__(self, key: int, v: Vec) -> None:
        self.cells[key] = v
        self.last = v

    def __getitem__(self, key: int) -> Vec:
        return self.cells[key]


def main() -> None:
    a, b = Vec(1, 2), Vec(3, 4)
    c = a + b
    print(c, a + b + c, Vec.of(c), Vec.dot(a, b), sum(a.parts()) + sum(c.parts()))
    print({a, b, Vec(1, 2)} == {Vec(3, 4), a}, Vec(1, 2) in {b, a}, [a, b].index(Vec(3, 4)))
    g = Grid()
    g[1] = a
    g[2] = c
    a.x = 100
    print(g[1], g[2], g.last, g.last is c)
    try:
        print(a + 1)  # type: ignore[operator]
    except TypeError as e:
        print("TypeError", e)


main()
