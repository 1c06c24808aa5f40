"""A weekly schedule: NamedTuple shifts with an IntEnum weekday field, grouped and sorted."""
from enum import IntEnum
from typing import NamedTuple


class Day(IntEnum):
    MON = 1
    TUE = 2
    WED = 3
    THU = 4
    FRI = 5


class Shift(NamedTuple):
    day: Day
    start: int
    hours: int
    who: str


def end(s: Shift) -> int:
    return s.start + s.hours


def main() -> None:
    shifts = [Shift(Day.WED, 9, 8, "ana"), Shift(Day.MON, 14, 4, "bo"), Shift(Day.MON, 8, 6, "ana"),
              Shift(Day.FRI, 10, 7, "cy"), Shift(Day.TUE, 9, 8, "bo")]
    for s in sorted(shifts):
        print(f"{s.day.name} {s.start:02d}-{end(s):02d} {s.who}")
    hours: dict[str, int] = {}
    for s in shifts:
        hours[s.who] = hours.get(s.who, 0) + s.hours
    print(hours)
    by_day: dict[Day, list[str]] = {d: [] for d in Day}
    for day, _, _, who in shifts:
        by_day[day].append(who)
    print({d.name: ws for d, ws in by_day.items()})
    print(min(shifts), [d for d in Day if not by_day[d]])
    late = [s for s in shifts if end(s) > 17]
    print(late)
    print(Shift(Day.MON, 8, 6, "ana") == shifts[2], shifts[0].day + 1, Day(shifts[0].day + 1))


main()
