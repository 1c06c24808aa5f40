# corpus: classes: CPython tries the reflected comparison first when the right operand's class derives from the left's (total_ordering's derived __gt__ decides ties between an Emp and a Boss, in operators and in sorted/max/min); == through a subclass
from functools import total_ordering


@total_ordering
class Emp:
    def __init__(self, name: str, pay: int, loud: bool = False) -> None:
        self.name = name
        self.pay = pay
        self.loud = loud

    def __lt__(self, other: "Emp") -> bool:
        if self.loud or other.loud:
            print("lt", self.name, other.name)
        return self.pay < other.pay

    def __repr__(self) -> str:
        return self.name


class Boss(Emp):
    def bonus(self) -> int:
        return 10


class Eq:
    def __init__(self, v: int) -> None:
        self.v = v

    def __eq__(self, other: "Eq") -> bool:
        print("eq", self.v, other.v)
        return self.v == other.v


class Eq2(Eq):
    pass


e, b = Emp("e", 5, True), Boss("b", 5, True)
print(e < b, e > b, b < e, e <= b, e >= b)
staff: list[Emp] = [Boss("x", 3), Emp("y", 3), Emp("z", 1), Boss("w", 1)]
print(sorted(staff), max(staff), min(staff))
print(Eq(1) == Eq2(1), Eq2(1) == Eq(2), Eq(1) != Eq2(3))
