# A field read into a local of several types keeps its own type (found by the program
# generator: a dataclass field, not typed yet when the method was lowered, became int | str).
from dataclasses import dataclass


@dataclass
class Account:
    balance: int
    owner: str

    def describe(self, verbose: bool) -> int:
        shown: int | str = self.balance
        if verbose:
            shown = f"{self.owner}: {self.balance}"
        print(repr(shown))
        self.balance += 10
        return self.balance * 2


class Box:
    def __init__(self, size: int) -> None:
        self.size = size

    def grow(self) -> int:
        v = self.size
        w: int | float = v
        if v > 2:
            w = v / 4
        print(w)
        self.size += 1
        return self.size


a = Account(5, "ann")
print(a.describe(True), a.describe(False), a)
b = Box(3)
print(b.grow(), b.grow(), Box(1).grow())
