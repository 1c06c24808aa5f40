# corpus: classes: functools.total_ordering from __lt__ and from __gt__, NotImplemented from __eq__/__lt__/__add__ (reflected method, identity fallback, CPython's TypeError for < >= + +=)
from functools import total_ordering
import functools


@total_ordering
class Money:
    def __init__(self, amount: int, cur: str) -> None:
        self.amount = amount
        self.cur = cur

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount == other.amount and self.cur == other.cur

    def __lt__(self, other: "Money") -> bool:
        if other.cur != self.cur:
            return NotImplemented
        return self.amount < other.amount

    def __add__(self, other: "Money") -> "Money":
        if other.cur != self.cur:
            return NotImplemented
        return Money(self.amount + other.amount, self.cur)

    def __repr__(self) -> str:
        return f"Money({self.amount}, {self.cur!r})"


@functools.total_ordering
class Version:
    def __init__(self, major: int, minor: int) -> None:
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __gt__(self, other):
        print("gt", self, other)
        return (self.major, self.minor) > (other.major, other.minor)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


a, b, c = Money(5, "EUR"), Money(7, "EUR"), Money(5, "USD")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a + b, a == Money(5, "EUR"), a == c, a != c)
for op in range(4):
    try:
        if op == 0:
            print(a < c)
        elif op == 1:
            print(a >= c)
        elif op == 2:
            print(a + c)
        else:
            x = a
            x += c
            print(x)
    except TypeError as e:
        print("TypeError:", e)
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 <= v2, v1 >= v2, v2 >= v1, v1 == Version(1, 2))
print(sorted([b, a, Money(1, "EUR")]))
print(max(v1, v2), min([v2, v1]))
