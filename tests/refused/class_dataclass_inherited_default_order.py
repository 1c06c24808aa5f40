# expect: unsupported-class @ 12
from dataclasses import dataclass


@dataclass
class A:
    x: int = 0


@dataclass
class B(A):
    y: int


print(B(1, 2))
