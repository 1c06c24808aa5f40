# expect: unsupported-namedtuple @ 4
from collections import namedtuple

Pair = namedtuple("Pair", "left right left")
print(Pair(1, 2, 3))
