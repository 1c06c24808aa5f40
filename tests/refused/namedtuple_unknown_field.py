# expect: unsupported-namedtuple @ 10
from typing import NamedTuple


class Pair(NamedTuple):
    a: int
    b: int

p = Pair(1, 2)
print(p.c)
