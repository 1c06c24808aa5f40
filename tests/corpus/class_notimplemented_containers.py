# corpus: classes: NotImplemented inside container operations (sorted, min/max, in, count/index, dict keys): the reflected method, then identity for == or CPython's TypeError for orderings
from functools import total_ordering


@total_ordering
class Money:
    def __init__(self, amount: int, cur: str) -> None:
        self.amount = amount
        self.cur = cur

    def __eq__(self, other: "Money") -> bool:
        if other.cur != self.cur:
            return NotImplemented
        return self.amount == other.amount

    def __hash__(self) -> int:
        return self.amount * 31 + len(self.cur)

    def __lt__(self, other: "Money") -> bool:
        if other.cur != self.cur:
            return NotImplemented
        return self.amount < other.amount

    def __repr__(self) -> str:
        return f"{self.amount} {self.cur}"


eur = [Money(5, "EUR"), Money(1, "EUR"), Money(3, "EUR")]
print(sorted(eur), max(eur), min(eur), Money(3, "EUR") in eur, Money(3, "USD") in eur)
print(eur.count(Money(1, "EUR")), eur.index(Money(3, "EUR")))
mixed = [Money(5, "EUR"), Money(1, "USD")]
print(Money(1, "USD") in mixed, Money(2, "USD") in mixed)
try:
    print(sorted(mixed))
except TypeError as e:
    print("TypeError:", e)
try:
    print(max(mixed))
except TypeError as e:
    print("TypeError:", e)
d = {Money(1, "EUR"): "one"}
print(d.get(Money(1, "EUR")), Money(1, "USD") in d)
