from dataclasses import dataclass
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass
class Shape:
    name: str


@dataclass
class Circle(Shape):
    r: float


@dataclass
class Rect(Shape):
    w: float
    h: float


def status(code: int) -> str:
    match code:
        case 200 | 201:
            return "ok"
        case 404:
            return "not found"
        case n if n >= 500:
            return f"server error {n}"
        case _:
            return "other"


def command(line: str) -> str:
    match line.split():
        case []:
            return "empty"
        case ["go", direction]:
            return f"going {direction}"
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case [first, *_, last]:
            return f"{first}..{last}"
        case _:
            return "?"


def area(s: Shape) -> float:
    match s:
        case Circle(r=r):
            return 3.0 * r * r
        case Rect(w=w, h=h) if w == h:
            return w * w
        case Rect(name, w, h):
            print("rect", name)
            return w * h
        case _:
            return 0.0


def point(p: tuple[int, int]) -> str:
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"y={y}"
        case (x, 0):
            return f"x={x}"
        case (x, y):
            return f"{x},{y}"


def describe(v: int | str | list[int] | None) -> str:
    match v:
        case None:
            return "none"
        case int(n) if n < 0:
            return "negative"
        case int():
            return "int"
        case str() as s:
            return "str " + s
        case _:
            return "list"


def color(c: Color) -> str:
    match c:
        case Color.RED:
            return "red"
        case _:
            return "not red"


def config(d: dict[str, int]) -> str:
    match d:
        case {"port": 80}:
            return "http"
        case {"port": p, "host": h}:
            return f"{h}:{p}"
        case {}:
            return "empty-ish"


def flag(b: bool) -> str:
    match b:
        case True:
            return "yes"
        case False:
            return "no"
    return "?"


def main() -> None:
    for c in (200, 201, 404, 503, 302):
        print(status(c))
    for line in ("", "go north", "take a b", "take", "quit", "exit", "a b c d", "x"):
        print(command(line))
    print(area(Circle("c", 2.0)), area(Rect("r", 2.0, 2.0)), area(Rect("q", 2.0, 3.0)), area(Shape("s")))
    for p in ((0, 0), (0, 5), (3, 0), (1, 2)):
        print(point(p))
    vs: list[int | str | list[int] | None] = [None, -3, 4, "hi", [1]]
    for v in vs:
        print(describe(v))
    print(color(Color.RED), color(Color.GREEN))
    print(config({"port": 80}), config({"port": 8080, "host": 1}), config({"x": 1}))
    print(flag(True), flag(False))
    total = 0
    for x in [1, 2, 3, 4]:
        match x % 3:
            case 0:
                total += 10
            case 1:
                total += 1
            case other:
                total += other * 100
    print(total)


if __name__ == "__main__":
    main()
