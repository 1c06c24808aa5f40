# A module variable named `type`: the methods @dataclass writes still use the builtins
from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: str = "a"


@dataclass
class Q(P):
    z: float = 0.5


type = "shadowing the builtin"
print(P(1), Q(2, "b"), P(1) == P(1), P(1) == Q(1), Q(3) == Q(3), type)
