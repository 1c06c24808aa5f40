# a loop that indexes a list while user code grows it behind its back: a generator whose consumer
# extends the list between two `yield`s, a call through a function value, a constructor's
# __init__ (the loop indexed the list through a view taken before it: each of the three crashed
# the program until 2026-12-05)
from typing import Iterator


def walk(xs: list[int]) -> Iterator[int]:
    i = 0
    while i < len(xs):
        yield xs[i] * 2
        i += 1


def grow(xs: list[int], v: int) -> None:
    if len(xs) < 40:
        xs.extend([v, v + 1, v + 2, v + 3])


class Grower:
    def __init__(self, xs: list[int], v: int) -> None:
        if len(xs) < 80:
            xs.extend([v, v])
        self.v = v


def main() -> None:
    data = [1, 2, 3]
    for v in walk(data):
        if len(data) < 40:
            data.extend([v + 1, v + 2, v + 3, v + 4])
    print(len(data), data[-5:], sum(data))
    data = [1, 2, 3]
    f = grow
    i = 0
    while i < len(data):
        f(data, data[i])
        i += 1
    print(len(data), sum(data))
    j = 0
    g = Grower([], 0)
    while j < len(data):
        g = Grower(data, data[j])
        j += 1
    print(len(data), sum(data), g.v)


main()
