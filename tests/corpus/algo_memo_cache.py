# functools.cache / lru_cache in the usual shapes: memoised recursion (fib, grid paths), a
# bounded cache whose body prints on each miss, a cached function that raises (not cached)
import functools
from functools import cache, lru_cache


@cache
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


calls = 0


@functools.lru_cache(maxsize=2)
def slow(x: int, tag: str) -> str:
    global calls
    calls += 1
    print("computing", x, tag)
    return f"{tag}{x * x}"


@lru_cache(maxsize=None)
def paths(r: int, c: int) -> int:
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


@lru_cache
def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


@cache
def boom(n: int) -> int:
    print("boom", n)
    if n % 2:
        raise ValueError(f"odd {n}")
    return n


def main() -> None:
    print(fib(90), paths(16, 16))
    for x, t in [(1, "a"), (2, "b"), (1, "a"), (3, "c"), (2, "b"), (1, "a"), (3, "c")]:
        print(slow(x, t))
    print("calls", calls)
    for n in (100, 497, 498):
        try:
            print(n, depth(n))
        except RecursionError as e:
            print(n, "RecursionError", e)
    for n in (1, 2, 1, 2):
        try:
            print(boom(n))
        except ValueError as e:
            print("ValueError", e)


main()
try:
    print(depth(499))
except RecursionError as e:
    print("RecursionError", e)
