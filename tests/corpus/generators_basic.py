# generator functions in everyday shapes: a countdown, a filter, pairs, yield from lists, other
# generators and generator expressions, a consumer loop that returns, nested loops, for-else
from typing import Iterator, Generator


def countdown(n: int) -> Iterator[int]:
    while n > 0:
        n -= 1
        yield n


def evens(xs: list[int]):
    for x in xs:
        if x % 2 == 0:
            yield x


def pairs(words: list[str]) -> Generator[tuple[str, int], None, None]:
    for i, w in enumerate(words):
        yield w, i


def chain(a: list[int], b: list[int]) -> Iterator[int]:
    yield from a
    yield from countdown(len(b))
    yield from (x * 10 for x in b)


def trace(n: int) -> Iterator[int]:
    print("start", n)
    for i in range(n):
        print("yield", i)
        yield i
        print("resume", i)
    print("end", n)


def first_small(limit: int) -> int:
    for v in countdown(100):
        if v * v < limit:
            return v
    return -1


def main() -> None:
    print(list(countdown(5)))
    print(sum(evens([1, 2, 3, 4, 5, 6])))
    print(list(pairs(["a", "b"])))
    print(sorted(chain([3, 1], [1, 2])))
    print(first_small(50))
    for v in trace(3):
        print("got", v)
        if v == 1:
            break
    print(any(v > 0 for v in trace(2)))
    print(max(countdown(7)), min(countdown(7)))
    print([v * 2 for v in countdown(6) if v % 2])
    total = 0
    for a in countdown(4):
        for b in countdown(a):
            total += a * b
    print(total)
    for v in countdown(3):
        if v == 10:
            break
    else:
        print("no break")


main()
