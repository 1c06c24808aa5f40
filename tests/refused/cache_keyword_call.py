# expect: unsupported-syntax @ 10
from functools import lru_cache


@lru_cache(maxsize=None)
def ways(n: int, step: int = 2) -> int:
    return 1 if n <= 0 else ways(n - 1, step) + ways(n - step, step)


print(ways(10, step=3))
