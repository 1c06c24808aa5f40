# expect: int-float-mix @ 10
class Rect:
    def __init__(self, w: float, h: float):
        self.w = w
        self.h = h
    def area(self) -> float:
        return self.w * self.h  # two ints: CPython's product is the int 6


print(Rect(2, 3).area())
