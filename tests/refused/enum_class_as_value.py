# expect: unsupported-enum @ 10
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(Color)
