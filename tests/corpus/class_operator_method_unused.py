# Operator methods that test their operand's type (and so are translated once per operand type)
# but that the program never uses, or uses with one type only: the class still translates
# (found by the program generator; they were refused as `cannot infer the type of parameter`).


class Vec:
    def __init__(self, x: int, tag: str):
        self.x = x
        self.tag = tag

    def __add__(self, other: object) -> 'Vec':
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.tag + other.tag)
        if isinstance(other, int):
            return Vec(self.x + other, self.tag)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, int):
            return Vec(other + self.x, self.tag)
        return NotImplemented

    def __mul__(self, other):
        if isinstance(other, int):
            return Vec(self.x * other, self.tag * other)
        return NotImplemented


class Unused:
    def __init__(self, n: int):
        self.n = n

    def __sub__(self, other: object) -> int:
        if isinstance(other, Unused):
            return self.n - other.n
        return NotImplemented


v = Vec(2, "ab")
w = v * 3
print(w.x, w.tag, Unused(4).n)
u = 5 + v
print(u.x, u.tag)
try:
    print((v * v).x)
except TypeError as e:
    print("TypeError", e)
