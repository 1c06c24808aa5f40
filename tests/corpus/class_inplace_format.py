# corpus: classes: in-place dunders (__iadd__ mutating and returning self, seen through aliases; NotImplemented from __iadd__ falls back to __add__; __imul__ on fields and list items), __abs__, __neg__, __format__ in f-strings (nested specs) and format()
class Vec:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __add__(self, other: "Vec") -> "Vec":
        print("add")
        return Vec(self.x + other.x, self.y + other.y)

    def __iadd__(self, other: "Vec") -> "Vec":
        if other.x < 0:
            return NotImplemented
        print("iadd")
        self.x += other.x
        self.y += other.y
        return self

    def __imul__(self, k: int) -> "Vec":
        self.x *= k
        self.y *= k
        return self

    def __abs__(self) -> int:
        return abs(self.x) + abs(self.y)

    def __neg__(self) -> "Vec":
        return Vec(-self.x, -self.y)

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"


class Acc:
    def __init__(self) -> None:
        self.total = Vec(0, 0)
        self.items: list[Vec] = []


v = Vec(1, 2)
alias = v
v += Vec(3, 4)
print(v, alias, v is alias)
v += Vec(-1, 0)
print(v, alias, v is alias)
alias *= 3
print(alias, abs(Vec(-3, 4)), abs(-v))
acc = Acc()
acc.total += Vec(5, 5)
acc.items.append(Vec(1, 1))
acc.items[0] += Vec(2, 2)
print(acc.total, acc.items)
class Temp:
    def __init__(self, c: float) -> None:
        self.c = c

    def __format__(self, spec: str) -> str:
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1]) + "F"
        if spec == "":
            return str(self)
        return format(self.c, spec) + "C"

    def __str__(self) -> str:
        return f"{self.c}C"

    def __repr__(self) -> str:
        return f"Temp({self.c})"


t = Temp(21.5)
w = 8
print(f"{t}|{t:.1f}|{t:>{w}.2F}|{t!r}|{t!s:>10}|", format(t, ".0f"), format(t))
temps = [Temp(0.0), Temp(100.0)]
for x in temps:
    print(f"{x:6.1f} {x:.0F}")
