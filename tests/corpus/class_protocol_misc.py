# corpus: classes: += through __add__ in a function loop, an operator in a comprehension, P + float's TypeError from NotImplemented, __call__ on list items
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other):
        if isinstance(other, P):
            return P(self.x + other.x)
        return NotImplemented

    def __repr__(self) -> str:
        return f"P({self.x})"


def f(ps: list[P]) -> P:
    total = P(0)
    for p in ps:
        total += p
    return total


print(f([P(1), P(2)]), [p + P(1) for p in [P(5)]])
try:
    print(P(1) + 2.5)
except TypeError as e:
    print(e)
class C:
    def __call__(self) -> int:
        return 3


xs = [C(), C()]
print(xs[0](), [c() for c in xs])
