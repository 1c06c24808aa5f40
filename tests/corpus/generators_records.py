# generators of dataclass objects, named tuples, values of several types, Optionals and tuples
# holding lists: consumed by comprehensions, dict(), max(key=) with unpacking, for loops
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Optional, Union


@dataclass
class Item:
    name: str
    qty: int


class Pt(NamedTuple):
    x: int
    y: int


def items(n: int) -> Iterator[Item]:
    for i in range(n):
        yield Item(f"i{i}", i * 2)


def points() -> Iterator[Pt]:
    yield Pt(1, 2)
    yield Pt(3, 4)


def mixed() -> Iterator[Union[int, str]]:
    yield 1
    yield "two"
    yield 3


def maybe(xs: list[int]) -> Iterator[Optional[int]]:
    for x in xs:
        yield x if x > 0 else None


def pairs() -> Iterator[tuple[str, list[int]]]:
    yield "a", [1]
    yield "b", []


print([it.name for it in items(3)], sum(it.qty for it in items(4)))
print(list(items(2)))
for p in points():
    print(p, p.x + p.y)
print(list(mixed()), [type(v).__name__ for v in mixed()])
print(list(maybe([1, -1, 2])), [v for v in maybe([3, 0]) if v is not None])
print(dict(pairs()), {k: len(v) for k, v in pairs()})
x, y = max(points(), key=lambda p: p.y)
print(x, y)
total = 0
for name, vals in pairs():
    total += len(name) + sum(vals)
print(total)
