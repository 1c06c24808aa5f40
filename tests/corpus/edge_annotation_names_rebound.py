"""Annotations CPython evaluates at def time, where the program also binds a name they use: accepted
when CPython's evaluation cannot differ (the binding comes later, the annotation is a bare name,
or it is a local variable's annotation, which CPython does not evaluate)."""
from typing import Optional


class Box:
    def items(self) -> list[int]:  # before `def list` below: `list` is still the builtin here
        return [1, 2]

    def list(self) -> int:
        return len(self.items())


def show(x: Optional[str]) -> int:  # before the module's `str = ...` below
    return 0 if x is None else len(x)


int = 5


def bump(x: int) -> int:  # a bare name: CPython stores the program's 5 and never fails
    return x + 1


def local() -> int:
    y: Optional[str] = None  # a local annotation: not evaluated
    return 1 if y is None else 2


print(Box().items(), Box().list(), show(None), show("ab"), bump(2), int, local())
str = "rebound"
print(str)
