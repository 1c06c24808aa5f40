# expect: type-mismatch @ 9
from enum import Enum


class Size(Enum):
    SMALL = 1
    LARGE = 2

print(Size.SMALL < Size.LARGE)
