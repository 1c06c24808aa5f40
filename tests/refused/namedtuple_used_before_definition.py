# expect: undefined-name @ 8
from collections import namedtuple


def origin() -> str:
    return str(Point(0, 0))

print(origin())
Point = namedtuple("Point", "x y")
