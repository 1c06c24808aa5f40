# A module variable read inside a function into a local of several types: the module
# variable keeps its own type (found by the program generator: it was widened to the union
# because the function was lowered before the module body).
from typing import Optional

label = 'abc'
count = 7


def pick(flag: bool) -> None:
    v: int | str = 3
    if flag:
        v = label
    w: int | float = 0.5
    if not flag:
        w = count
    print(v, repr(v), isinstance(v, str), label.upper(), w, count + 1)


def total() -> int:
    acc: int | str = 0
    for i in range(3):
        acc = count * i if i % 2 else label * i
        print(repr(acc))
    return len(label) + count


pick(True)
pick(False)
print(total())
