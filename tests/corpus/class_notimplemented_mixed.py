# corpus: classes: NotImplemented with operands of other types (the operator method lowered per operand type: P + int, int + P through __radd__, P == int, P < int), CPython's TypeErrors for str/list/float operands, identity fallback of ==
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other):
        if isinstance(other, int):
            return P(self.x + other)
        if not isinstance(other, P):
            return NotImplemented
        return P(self.x + other.x)

    def __radd__(self, other):
        if isinstance(other, int):
            return P(other + self.x)
        return NotImplemented

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, P):
            return NotImplemented
        return self.x == other.x

    def __lt__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return self.x < other.x

    def __repr__(self) -> str:
        return f"P({self.x})"


a = P(1)
print(a + 2, a + P(5), 3 + a, a == P(1), a == 1, 1 == a, a != "x", a == a)
print(sorted([P(3), P(1)]), a < P(2))
for i in range(4):
    try:
        if i == 0:
            print(a + "s")
        elif i == 1:
            print("s" + a)
        elif i == 2:
            print(a < 3)
        else:
            print(2.5 > a)
    except TypeError as e:
        print("TypeError:", e)
for j in range(1):
    try:
        print([1] + a)
    except TypeError as e:
        print("TypeError:", e)
