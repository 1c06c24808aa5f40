# expect: unsupported-type @ 6
from functools import cache


@cache
def half(x: float) -> float:
    return x / 2


print(half(1), half(1.0))
