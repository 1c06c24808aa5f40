# expect: unsupported-enum @ 7
from enum import Enum


class Token(Enum):
    NUM = 1
    NAME = "name"


print(Token.NUM)
