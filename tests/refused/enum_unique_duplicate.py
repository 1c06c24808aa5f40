# expect: unsupported-enum @ 8
from enum import Enum, unique


@unique
class Color(Enum):
    RED = 1
    CRIMSON = 1
