# a generator function and two consumers: a for loop that returns from inside, and sum()
from typing import Iterator


def evens(limit: int) -> Iterator[int]:
    n = 0
    while n < limit:
        yield n
        n += 2


def first_over(limit: int, bar: int) -> int:
    for v in evens(limit):
        if v > bar:
            return v
    return -1


print(first_over(100, 7), sum(evens(10)))
