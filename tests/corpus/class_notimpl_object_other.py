# An operator method whose `other` is annotated `object` and tested with isinstance: as unannotated
class Money:
    def __init__(self, cents: int):
        self.cents = cents
    def __add__(self, other: object) -> "Money":
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __repr__(self) -> str:
        return f"Money({self.cents})"


m = Money(5) + Money(7)
print(m, m + 3)
try:
    print(m + "x")
except TypeError as e:
    print("TypeError:", e)
print((m + 1) + Money(2))
