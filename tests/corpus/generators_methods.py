# generator methods: a recursive in-order walk of a tree (yield from a child's walk), an
# overridden generator method called through the base class, a static generator method
from typing import Iterator, Optional


class Node:
    def __init__(self, value: int, left: Optional["Node"] = None, right: Optional["Node"] = None) -> None:
        self.value = value
        self.left = left
        self.right = right

    def inorder(self) -> Iterator[int]:
        if self.left is not None:
            yield from self.left.inorder()
        yield self.value
        if self.right is not None:
            yield from self.right.inorder()


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def points(self) -> Iterator[tuple[int, int]]:
        yield (0, 0)

    @staticmethod
    def unit() -> Iterator[int]:
        yield 1


class Square(Shape):
    def __init__(self, n: int) -> None:
        super().__init__("square")
        self.n = n

    def points(self) -> Iterator[tuple[int, int]]:
        for x in range(self.n):
            for y in range(self.n):
                yield (x, y)


def main() -> None:
    t = Node(4, Node(2, Node(1), Node(3)), Node(6, None, Node(7)))
    print(list(t.inorder()))
    for v in t.inorder():
        if v > 3:
            print("first over 3:", v)
            break
    shapes: list[Shape] = [Shape("dot"), Square(2)]
    for s in shapes:
        print(s.name, list(s.points()), sum(x + y for x, y in s.points()))
    print(list(Shape.unit()))


main()
