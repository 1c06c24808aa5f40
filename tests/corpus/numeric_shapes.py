# Ints passed where `float` is annotated (PEP 484's numeric tower): every use of the slots is
# one where the int and the equal float give the same result, so Portalis converts at the call.
import math


class Shape:
    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{type(self).__name__} with area {self.area():.3f}"


class Rect(Shape):
    def __init__(self, w: float, h: float):
        self.w = w
        self.h = h * 1.0

    def area(self) -> float:
        return self.w * self.h

    def scaled(self, k: float) -> "Rect":
        return Rect(self.w * k, self.h * k)

    def is_square(self) -> bool:
        return self.w == self.h


class Circle(Shape):
    def __init__(self, r: float):
        self.r = r

    def area(self) -> float:
        return math.pi * self.r ** 2.0

    def fits_in(self, side: float) -> bool:
        return 2.0 * self.r <= side


shapes: list[Shape] = [Rect(2, 3.5), Circle(1), Rect(4.5, 2), Circle(2.5)]
for s in shapes:
    print(s.describe())
total = 0.0
for s in shapes:
    total += s.area()
print(f"total {total:.4f}")
print(Rect(3, 3).is_square(), Rect(3, 4).is_square())
big = Rect(2, 2.5).scaled(3.0)
print(big.area(), f"{big.w:.1f}")
print(Circle(2).fits_in(4), Circle(2).fits_in(3.9))
print(math.sqrt(Rect(16, 1).w * 1.0))
