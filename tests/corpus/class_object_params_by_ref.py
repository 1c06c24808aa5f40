# corpus: class: object and `object | None` parameters by reference through operators, setters, class methods, generators and recursion
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


class Node:
    def __init__(self, v: int, nxt: "Node | None") -> None:
        self.v = v
        self.nxt = nxt

    def bump(self, by: "Node") -> int:
        self.v += by.v
        return self.v


def bump_all(head: Node | None) -> list[int]:
    out: list[int] = []
    cur = head
    prev = head
    while cur is not None:
        if prev is not None and prev is not cur:
            out.append(cur.bump(prev))
        prev = cur
        cur = cur.nxt
    return out


def length(n: Node | None) -> int:
    if n is None:
        return 0
    return 1 + length(n.nxt)


def last_value(n: Node | None, dflt: int) -> int:
    while n is not None:
        if n.nxt is None:
            return n.v
        n = n.nxt  # rebinds the parameter: passed by value
    return dflt


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
    head: Node | None = None
    for i in range(6):
        head = Node(i, head)
    print(length(head), last_value(head, -1), last_value(None, -1), length(None), bump_all(head))
    try:
        print(a + 1)  # type: ignore[operator]
    except TypeError as e:
        print("TypeError", e)


main()
