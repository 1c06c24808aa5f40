# Points and polygons built from int coordinates where `float` is annotated. Int arithmetic on
# them (dx * dx + dy * dy) is what CPython computes in ints: Portalis computes it in f64, exact
# below 2**53 (checked at run time), and only uses whose results agree see it (math.sqrt,
# comparisons, float format specs, arithmetic with a float).
import math


class Point:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def dist(self, other: "Point") -> float:
        dx = other.x - self.x
        dy = other.y - self.y
        return math.sqrt(dx * dx + dy * dy)

    def label(self) -> str:
        return f"({self.x:.1f}, {self.y:.1f})"


def perimeter(pts: list[Point]) -> float:
    total = 0.0
    for i in range(len(pts)):
        total += pts[i].dist(pts[(i + 1) % len(pts)])
    return total


def shoelace(pts: list[Point]) -> float:
    s = 0.0
    n = len(pts)
    for i in range(n):
        a = pts[i]
        b = pts[(i + 1) % n]
        s += a.x * 1.0 * b.y - b.x * a.y * 1.0
    return abs(s) / 2


square = [Point(0, 0), Point(4, 0), Point(4, 4), Point(0, 4)]
tri = [Point(0, 0), Point(3, 0), Point(0, 4)]
mixed = [Point(0.5, 0), Point(2, 1.5), Point(-1, 2.25)]
for name, poly in [("square", square), ("tri", tri), ("mixed", mixed)]:
    print(name, " ".join(p.label() for p in poly), f"{perimeter(poly):.4f}", shoelace(poly))
print(Point(0, 0).dist(Point(3, 4)), Point(1, 1).dist(Point(1, 1)))
far = Point(-3000000, 4000000)
print(far.dist(Point(0, 0)), far.dist(Point(0, 0)) > 4999999.5)
print(max(p.dist(Point(0, 0)) for p in tri))
