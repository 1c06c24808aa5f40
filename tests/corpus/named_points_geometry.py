"""Geometry with typing.NamedTuple: fields, defaults, keyword construction, _replace."""
import math
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


class Segment(NamedTuple):
    start: Point
    end: Point
    name: str = "seg"


def length(s: Segment) -> float:
    dx = s.end.x - s.start.x
    dy = s.end.y - s.start.y
    return math.sqrt(dx * dx + dy * dy)


def midpoint(s: Segment) -> Point:
    return Point((s.start.x + s.end.x) / 2, (s.start.y + s.end.y) / 2)


def main() -> None:
    a = Point(0.0, 0.0)
    b = Point(y=4.0, x=3.0)
    s = Segment(a, b)
    t = Segment(start=b, end=Point(6.0, 8.0), name="second")
    print(s)
    print(t.name, length(s), length(t), midpoint(t))
    moved = s._replace(end=Point(1.5, 2.0), name="moved")
    print(moved, s.name)
    x, y = b
    print(f"b = ({x:.1f}, {y:.1f}) has {len(b)} coordinates; first {b[0]}, last {b[-1]}")
    pts = [Point(2.0, 1.0), a, b, Point(2.0, -1.0)]
    print(sorted(pts))
    print(min(pts, key=lambda p: p.y), max(pts))
    print(a == Point(0.0, 0.0), a != b, a < b, Point._fields)


main()
