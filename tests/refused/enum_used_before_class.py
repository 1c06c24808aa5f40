# expect: undefined-name @ 4
from enum import Enum

print(Color.RED)


class Color(Enum):
    RED = 1
