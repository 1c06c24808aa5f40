"""IntEnum members where ints go: list indices, range(), int(), arithmetic, truth and `or`."""
from enum import IntEnum


class Col(IntEnum):
    NAME = 0
    QTY = 1
    PRICE = 2


class Level(IntEnum):
    OFF = 0
    LOW = 1
    HIGH = 3


ROWS = [["bolt", "10", "0.25"], ["nut", "25", "0.10"], ["gear", "2", "4.50"]]


def total(rows: list[list[str]]) -> float:
    t = 0.0
    for r in rows:
        t += int(r[Col.QTY]) * float(r[Col.PRICE])
    return t


def main() -> None:
    for r in ROWS:
        print(f"{r[Col.NAME]:<5} x{r[Col.QTY]:>3} @ {r[Col.PRICE]}")
    print(f"total {total(ROWS):.2f}")
    print(list(range(Level.HIGH)), int(Level.HIGH), Level.HIGH * 2 + Level.LOW, Level.HIGH ** 2)
    for lv in Level:
        print(lv.name, bool(lv), lv or Level.LOW, "on" if lv else "off", lv > Level.LOW)
    widths = [len(c.name) for c in Col]
    print(widths, sum(widths), max(Col), ROWS[Level.LOW][Col.NAME])
    print("-" * Level.HIGH, Level.HIGH % 2, divmod(7, Level.HIGH), abs(-Level.HIGH))


main()
