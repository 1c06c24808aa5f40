class B:
    def __init__(self, n: int):
        self.n = n

    @classmethod
    def kind(cls) -> str:
        if issubclass(cls, C):
            return "a C"
        return "a B"


class C(B):
    pass


class D(C):
    pass


class Other:
    pass


def exact(x: B) -> str:
    if type(x) is C:
        return "exactly C"
    if type(x) == B:
        return "exactly B"
    if x.__class__ is D:
        return "exactly D"
    return "?"


items: list[B] = [B(1), C(2), D(3)]
for y in items:
    print(exact(y), type(y) is not B, type(y) != C, y.__class__.__name__, type(y).__name__, y.kind())
    print(type(y) is type(items[0]), type(y) == type(items[1]), type(y) is Other, type(Other()) is B)
print(issubclass(C, B), issubclass(B, C), issubclass(D, (Other, B)), issubclass(Other, B), issubclass(B, B))
o = Other()
print(o.__class__.__name__, type(o) is Other, B.kind(), D.kind())
