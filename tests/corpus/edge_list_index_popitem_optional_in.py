# list.index with start/stop (clamped like slice bounds), dict.popitem (last inserted pair),
# membership of None and of plain values in containers of Optionals
from typing import Optional


def positions(xs: list[int], v: int) -> list[int]:
    out: list[int] = []
    start = 0
    while True:
        try:
            i = xs.index(v, start)
        except ValueError:
            return out
        out.append(i)
        start = i + 1


def main() -> None:
    xs = [5, 3, 5, 7, 5]
    print(positions(xs, 5), positions(xs, 9))
    print(xs.index(5, -2), xs.index(5, 1, 3), xs.index(7, -100, 100))
    for a, b in ((4, 5), (1, 2), (-1, -5)):
        try:
            print(xs.index(5, a, b))
        except ValueError as e:
            print("ValueError:", e)
    stack = {"a": 1, "b": 2}
    stack["c"] = 3
    del stack["a"]
    stack["a"] = 4
    while stack:
        k, v = stack.popitem()
        print("popped", k, v, stack)
    try:
        stack.popitem()
    except KeyError as e:
        print("KeyError:", e)
    names: list[Optional[str]] = ["ann", None, "bob"]
    print(None in names, None not in names, "ann" in names, "zoe" in names)
    seen: set[Optional[int]] = {1, None}
    print(None in seen, 2 in seen)


main()
