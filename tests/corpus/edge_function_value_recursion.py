# a function that recurses through a function value: each call through the value is a frame
# of its own toward the recursion limit, as in CPython
from typing import Callable


def down(n: int) -> int:
    return 0 if n == 0 else 1 + step(down, n - 1)


def step(f: Callable[[int], int], n: int) -> int:
    return f(n)


for n in (300, 400, 497, 498, 499, 500, 600):
    try:
        print(n, down(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
