"""A lookup by a value no member has escapes: the traceback's last line and exit code 1."""
from enum import IntEnum


class Level(IntEnum):
    DEBUG = 10
    INFO = 20
    ERROR = 40


def parse_levels(codes: list[int]) -> list[Level]:
    out: list[Level] = []
    for c in codes:
        out.append(Level(c))
        print("parsed", out[-1].name)
    return out


print(parse_levels([20, 10, 40, 30]))
print("not reached")
