"""`a != b` calls the left operand's `__ne__` and gives what it returns, whether or not the class
defines `__eq__`. Found by the hunt of 2026-12-04: a class with `__ne__` and no `__eq__` was
compared by identity (`a != a` printed False where CPython printed the method's 'ne-1')."""
class OnlyNe:
    def __init__(self, n: int) -> None:
        self.n = n

    def __ne__(self, other: object) -> str:
        return "ne-" + str(self.n)


class EqNe:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EqNe) and other.n == self.n

    def __ne__(self, other: object) -> bool:
        return True


class EqOnly:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EqOnly) and other.n == self.n


a = OnlyNe(1)
print(a != a, a != OnlyNe(2), a == a, a == OnlyNe(1))
e = EqNe(1)
print(e != e, e != EqNe(1), e == EqNe(1), e == EqNe(2))
q = EqOnly(1)
print(q != EqOnly(1), q != EqOnly(2), q != q)
