import math
from collections import Counter
from enum import Enum, IntEnum
from typing import Optional


class Color(Enum):
    RED = "r"
    BLUE = "b"


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Dog:
    def __init__(self, name: str) -> None:
        self.name = name


class Car:
    def __init__(self, speed: int) -> None:
        self.speed = speed


def opt(x: Optional[int]) -> str:
    match x:
        case None:
            return "none"
        case 1:
            return "one"
        case n:
            return f"n={n}"


def col(c: Color) -> str:
    match c:
        case Color.RED:
            return "red"
        case other:
            return f"other {other} {other.value}"


def lvl(v: Level) -> str:
    match v:
        case 1:
            return "low by int"
        case Level.HIGH:
            return "high"
    return "?"


def thing(t: Dog | Car) -> str:
    match t:
        case Dog(name=n):
            return "dog " + n
        case Car(speed=s) if s > 100:
            return "fast car"
        case Car():
            return "car"


def angle(a: float) -> str:
    match a:
        case math.pi:
            return "pi"
        case 0:
            return "zero"
        case _:
            return "other"


def nested(grid: list[list[int]]) -> int:
    total = 0
    for row in grid:
        match row:
            case [a, b]:
                match (a, b):
                    case (0, _) | (_, 0):
                        total += 100
                    case (x, y) if x == y:
                        total += x
                    case _:
                        total -= 1
            case [*xs] if len(xs) > 2:
                total += sum(xs)
            case _:
                try:
                    total += row[5]
                except IndexError:
                    total += 1000
    return total


def counts(c: Counter[str]) -> str:
    match c:
        case {"a": 0}:
            return "zero a"
        case {"a": n} if n > 1:
            return f"many a {n}"
        case _:
            return f"other {len(c)}"


def text(s: str) -> str:
    match s:
        case "straße" | "ﬁle":
            return "special"
        case "":
            return "empty"
        case _ if s.isupper():
            return "upper"
        case _:
            return "lower " + s


def main() -> None:
    print(opt(None), opt(1), opt(5))
    print(col(Color.RED), col(Color.BLUE))
    print(lvl(Level.LOW), lvl(Level.HIGH))
    print(thing(Dog("rex")), thing(Car(120)), thing(Car(50)))
    print(angle(math.pi), angle(0.0), angle(-0.0), angle(1.5))
    print(nested([[0, 5], [3, 3], [1, 2], [1, 2, 3], [7]]))
    c = Counter("abracadabra")
    print(counts(c), counts(Counter("xyz")), counts(Counter("a")), len(c))
    print(text("straße"), text(""), text("ABC"), text("abc"))


if __name__ == "__main__":
    main()
