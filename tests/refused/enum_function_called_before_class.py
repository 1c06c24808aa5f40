# expect: undefined-name @ 9
from enum import Enum


def first() -> str:
    return Color.RED.name


print(first())


class Color(Enum):
    RED = 1
