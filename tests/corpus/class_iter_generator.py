# __iter__ written as a generator: a tree walked pre-order (yield from each child, an object),
# loops that break, list/sum/max/sorted/any of the objects; `in` on an object whose __iter__
# iterates dict keys (the statement was left out of the translation until 2026-12-05)
from typing import Iterator, Optional


class Tree:
    def __init__(self, value: int, children: Optional[list["Tree"]] = None) -> None:
        self.value = value
        self.children = children if children is not None else []

    def __iter__(self) -> Iterator[int]:
        yield self.value
        for c in self.children:
            yield from c

    def __len__(self) -> int:
        return 1 + sum(len(c) for c in self.children)


class Countdown:
    def __init__(self, start: int) -> None:
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            print("tick", n)
            yield n
            n -= 1


t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t), sum(t), len(t), max(t))
for v in t:
    if v == 4:
        break
    print("v", v)
print([x * x for x in Countdown(3)])
for n in Countdown(5):
    if n < 4:
        break
print(sorted(Countdown(2)), any(n > 2 for n in Countdown(4)))


class Keys:
    def __init__(self) -> None:
        self.d = {"a": 1, "b": 2}

    def __iter__(self):
        return iter(self.d.keys())


print("a" in Keys(), "z" not in Keys(), list(Keys()))
