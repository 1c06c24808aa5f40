# expect: unsupported-namedtuple @ 9
from typing import NamedTuple


class Pair(NamedTuple):
    a: int
    b: int

make = Pair
print(make(1, 2))
