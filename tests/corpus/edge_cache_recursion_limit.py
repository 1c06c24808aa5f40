# the recursion limit of a cached function: its wrapper is one more call per level
from functools import cache, lru_cache


@cache
def down(n: int, tag: int) -> int:
    return 0 if n == 0 else 1 + down(n - 1, tag)


@lru_cache(maxsize=64)
def down_lru(n: int, tag: int) -> int:
    return 0 if n == 0 else 1 + down_lru(n - 1, tag)


def deepest(bounded: bool, start: int) -> str:
    lo, hi = 0, 1000
    tag = start
    msg = ""
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        tag += 1
        try:
            if bounded:
                down_lru(mid, tag)
            else:
                down(mid, tag)
            lo = mid
        except RecursionError as e:
            hi = mid
            msg = str(e)
    return f"{lo} {msg}"


def main() -> None:
    print("two calls down", deepest(False, 0), deepest(True, 100))
    for n in (498, 499):  # one call down: here the wrapper is the call over the limit
        try:
            print(n, down(n, 500 + n))
        except RecursionError as e:
            print(n, e)


main()
tag = 1000
lo, hi = 0, 1000
while lo + 1 < hi:
    mid = (lo + hi) // 2
    tag += 1
    try:
        down(mid, tag)
        lo = mid
    except RecursionError as e:
        hi = mid
        print("module level", mid, e)
print("module level deepest", lo)
