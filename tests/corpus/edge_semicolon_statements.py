# Statements joined by `;`: dataclass fields, enum members, class constants, `__init__` fields, an
# exception's fields, module statements and loop bodies, each on one line
from dataclasses import dataclass
from enum import Enum


@dataclass
class D:
    x: int; y: int = 3
    def total(self) -> int: a = self.x; return a + self.y


class Color(Enum):
    RED = 1; GREEN = 2


class K:
    A = 1; B = "b"
    def __init__(self, v: int): self.v = v; self.w = v * 2


class E(Exception):
    def __init__(self, msg: str, code: int): super().__init__(msg); self.code = code


x = 1; y = 2; print(x + y)
print(D(1), D(2, 5).total(), list(Color), K.A, K.B, K(3).w)
try: raise E("bad", 7)
except E as e: print(e, e.code)
for i in range(2): print(i); print(-i)
