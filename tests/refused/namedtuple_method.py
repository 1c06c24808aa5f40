# expect: unsupported-namedtuple @ 9
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


print(Point(1, 2))
