# function values in fields: a step object calls the function it holds (no self), a field
# reassigned to another function
from dataclasses import dataclass
from typing import Callable


def neg(x: int) -> int:
    print("neg", x)
    return -x


def sq(x: int) -> int:
    return x * x


class Step:
    def __init__(self, name: str, fn: Callable[[int], int]) -> None:
        self.name = name
        self.fn = fn

    def run(self, x: int) -> int:
        return self.fn(x)


steps = [Step("neg", neg), Step("sq", sq)]
v = 3
for s in steps:
    v = s.run(v)
    print(s.name, v, s.fn(2))
steps[0].fn = sq
print(steps[0].run(5))
