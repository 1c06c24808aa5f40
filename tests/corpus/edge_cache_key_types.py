# cache keys of enum members, Optionals and tuples; a cached function of no parameters runs once
from enum import Enum
from functools import cache
from typing import Optional


class Color(Enum):
    RED = 1
    BLUE = 2


@cache
def paint(c: Color, n: Optional[int], t: tuple[int, str]) -> str:
    print("paint", c.name, n, t)
    return f"{c.name}:{n}:{t[1] * t[0]}"


@cache
def nothing() -> None:
    print("once")


print(paint(Color.RED, None, (2, "a")), paint(Color.RED, None, (2, "a")), paint(Color.BLUE, 3, (1, "b")))
nothing()
nothing()
