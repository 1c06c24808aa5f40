# corpus: classes: sum() of objects through + (with a start object, and from 0 through __radd__ returning self for 0), over lists and a generator expression
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __repr__(self) -> str:
        return f"Money({self.cents})"


class V:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __add__(self, o: "V") -> "V":
        print("add", self, o)
        return V(self.x + o.x, self.y + o.y)

    def __repr__(self) -> str:
        return f"V({self.x}, {self.y})"


wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), sum(wallet, Money(1000)), sum([Money(7)]))
print(sum([V(1.0, 2.0), V(0.5, 0.5)], V(0.0, 0.0)), sum((v for v in [V(1.0, 1.0)]), start=V(2.0, 2.0)))

