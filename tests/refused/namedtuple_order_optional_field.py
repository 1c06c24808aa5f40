# expect: type-mismatch @ 11
from typing import NamedTuple, Optional


class Slot(NamedTuple):
    hour: int
    room: Optional[int] = None


a, b = Slot(9), Slot(9, 4)
print(a < b)
