# expect: unsupported-namedtuple @ 4
from collections import namedtuple

Point = namedtuple("Point", "x y", defaults=[0])
print(Point(1))
