"""auto() numbering, aliases (a second name for a value), @unique and lookups by name."""
import enum
from enum import Enum, auto, unique


class Size(Enum):
    SMALL = auto()
    MEDIUM = auto()
    LARGE = 10
    XLARGE = auto()
    S = 1
    M = 2
    BIG = 10


@unique
class Weekday(enum.Enum):
    MON = 1
    TUE = 2
    WED = 3
    THU = 4
    FRI = 5


def lookup(name: str) -> Size:
    return Size[name]


def main() -> None:
    print(list(Size), len(Size))
    print(Size.S, Size.S is Size.SMALL, Size.BIG == Size.LARGE, repr(Size.M))
    print(lookup("M"), lookup("XLARGE").value, Size(10))
    for name in ["SMALL", "BIG", "HUGE"]:
        try:
            print(name, "->", lookup(name))
        except KeyError as e:
            print("no size", e)
    work = [d for d in Weekday if d.value <= 3]
    print(work, [d.name.lower() for d in reversed(list(Weekday))])
    print({Size.S: "s", Size.SMALL: "small"})
    print(Weekday(5), Weekday.FRI.value - Weekday.MON.value)


main()
