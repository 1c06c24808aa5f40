"""Named tuples holding ints past 64 bits (the program is rerun with big ints): repr, hashing,
ordering, _replace, unpacking; an IntEnum member multiplying a big int."""
from typing import NamedTuple
from collections import namedtuple
from enum import IntEnum
class V(NamedTuple):
    n: int
    s: str
class K(IntEnum):
    A = 3
P = namedtuple("P", "a b")
v = V(2 ** 70, "big")
p = P(10 ** 20, 2)
print(v, v.n * K.A, p, p._replace(b=3 ** 50), {v: 1}, sorted([p, P(1, 1)]), v.s)
a, b = p
print(a + b, max(p), len(p))
