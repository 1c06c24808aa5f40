from enum import Enum
from typing import NamedTuple


class Color(Enum):
    RED = 1
    GREEN = 2


class Pixel(NamedTuple):
    x: int
    color: Color


def shade(p: Pixel) -> str:
    return p.color.name if p.color is Color.RED else "other"


print(shade(Pixel(1, Color(2))), Pixel(0, Color.RED))
