# corpus: classes: @total_ordering over a @dataclass with __lt__, and from __le__ alone (min/max/sorted use the derived methods)
from dataclasses import dataclass
from functools import total_ordering


@total_ordering
@dataclass
class Card:
    rank: int
    suit: str

    def __lt__(self, other: "Card") -> bool:
        return (self.rank, self.suit) < (other.rank, other.suit)


@total_ordering
class Node:
    def __init__(self, key: int) -> None:
        self.key = key

    def __le__(self, other: "Node") -> bool:
        return self.key <= other.key

    def __repr__(self) -> str:
        return f"Node({self.key})"


a, b = Card(10, "h"), Card(3, "s")
print(a > b, a >= b, a <= b, a == Card(10, "h"), sorted([a, b, Card(3, "c")]))
n1, n2 = Node(1), Node(2)
print(n1 < n2, n1 > n2, n1 >= n1, n1 < n1, n1 == Node(1), max([n2, n1]), min(n1, n2))
