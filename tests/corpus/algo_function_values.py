# module functions as values: a dispatch table of operators, higher-order helpers with Callable
# parameters (unannotated too), a list of steps applied in turn, a function returned by a
# function, a @cache function passed around (its cache still applies), and a call through a
# value that raises
from functools import cache
from typing import Callable


def add(a: int, b: int) -> int:
    return a + b


def sub(a: int, b: int) -> int:
    return a - b


def mul(a: int, b: int) -> int:
    return a * b


def div(a: int, b: int) -> int:
    return a // b


OPS: dict[str, Callable[[int, int], int]] = {"+": add, "-": sub, "*": mul, "/": div}


def rpn(text: str) -> int:
    stack: list[int] = []
    for tok in text.split():
        if tok in OPS:
            b = stack.pop()
            a = stack.pop()
            stack.append(OPS[tok](a, b))
        else:
            stack.append(int(tok))
    return stack[-1]


def fold(f: Callable[[int, int], int], xs: list[int], start: int) -> int:
    acc = start
    for x in xs:
        acc = f(acc, x)
    return acc


def apply_twice(f, x):
    return f(f(x))


def inc(x: int) -> int:
    return x + 1


@cache
def square(x: int) -> int:
    print("  square", x)
    return x * x


def shout(s: str) -> str:
    return s.upper() + "!"


def pipeline(steps: list[Callable[[int], int]], x: int) -> int:
    for step in steps:
        x = step(x)
    return x


def chooser(name: str) -> Callable[[int], int]:
    if name == "inc":
        return inc
    return square


def main() -> None:
    print(rpn("3 4 + 2 *"), rpn("10 3 /"), rpn("2 3 4 * -"))
    print(fold(add, [1, 2, 3, 4], 0), fold(mul, [1, 2, 3, 4], 1), fold(sub, [5], 100))
    print(apply_twice(inc, 5), apply_twice(square, 3), apply_twice(square, 3))
    print(pipeline([inc, square, inc], 2), pipeline([], 7), chooser("inc")(41), chooser("sq")(9))
    handlers: dict[str, Callable[[str], str]] = {"shout": shout}
    for name in ("shout", "whisper"):
        h = handlers.get(name)
        if h is not None:
            print(h("hey"))
        else:
            print("no handler for", name)
    try:
        print(rpn("1 0 /"))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


main()
