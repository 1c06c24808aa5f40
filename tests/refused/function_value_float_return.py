# expect: int-float-mix @ 6
from typing import Callable


def one() -> float:
    return 1


fs: list[Callable[[], float]] = [one]
print(fs[0]())
