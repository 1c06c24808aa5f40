# auto() after a member smaller than an earlier one: CPython 3.11 continues from the largest
# value (13 after 7, 12, -3), not from the last (found by the program generator: Portalis gave -2)
from enum import Enum, IntEnum, auto
class E(Enum):
    A = 7
    B = 12
    C = -3
    D = auto()
    F = auto()
class G(IntEnum):
    X = 5
    Y = 1
    Z = 1
    W = auto()
print(list(E), list(G))
