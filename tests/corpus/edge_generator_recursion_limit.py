# a generator's frame counts toward the recursion limit while it runs (one unit per generator,
# as a call): the deepest `yield from` chain that list() and a for loop can take, and the
# RecursionError past it, caught by the consumer
from typing import Iterator


def depth_gen(n: int) -> Iterator[int]:
    if n == 0:
        yield 0
        return
    yield from depth_gen(n - 1)


def loop_gen(n: int) -> Iterator[int]:
    if n == 0:
        yield 1
        return
    for x in loop_gen(n - 1):
        yield x + 1


def list_all(n: int) -> int:
    return len(list(depth_gen(n)))


def sum_for(n: int) -> int:
    total = 0
    for x in loop_gen(n):
        total += x
    return total


def comp(n: int) -> int:
    return sum([x for x in depth_gen(n)])


def probe(kind: int) -> int:
    lo, hi = 1, 3000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            if kind == 0:
                list_all(mid)
            elif kind == 1:
                sum_for(mid)
            else:
                comp(mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    return lo


print(probe(0), probe(1), probe(2))
try:
    print(sum_for(5000))
except RecursionError as e:
    print("RecursionError:", e)
print(sum_for(100))
