# functools.lru_cache(maxsize=N): CPython's eviction of the least recently used key (a body that
# prints shows every miss), @cache against lru_cache when a recursive call stores the same key
# first (@cache keeps the outer result, lru_cache the inner one), exceptions are not cached
from functools import cache, lru_cache

misses: list[int] = []


@lru_cache(maxsize=3)
def square(x: int) -> int:
    misses.append(x)
    return x * x


counter = 0


@cache
def again(n: int) -> int:
    global counter
    counter += 1
    mine = counter
    if n > 0 and counter < 3:
        again(n)
    return mine


lru_counter = 0


@lru_cache(maxsize=8)
def again_lru(n: int) -> int:
    global lru_counter
    lru_counter += 1
    mine = lru_counter
    if n > 0 and lru_counter < 3:
        again_lru(n)
    return mine


@lru_cache(maxsize=0)
def never(x: str) -> str:
    print("never cached", x)
    return x.upper()


@cache
def parse(s: str) -> int:
    print("parsing", repr(s))
    return int(s)


@cache
def names(m: int, MEMO: str, _memo: int, v: int, e: int) -> str:  # names the wrapper uses itself
    print("miss", m)
    return MEMO * (m + _memo + v + e)


def main() -> None:
    print(names(1, "ab", 0, 0, 0), names(1, "ab", 0, 0, 0), names(2, "c", 1, 0, 0))
    x = 7
    total = 0
    for _ in range(60):
        x = (x * 1103515245 + 12345) % 2147483648
        total += square(x % 6)
    print(total, len(misses), misses[:20])
    print(again(1), again(1), counter, again_lru(1), again_lru(1), lru_counter)
    print(never("a"), never("a"))
    for s in ["12", "x", "12", "x", " 7"]:
        try:
            print(parse(s))
        except ValueError as e:
            print("ValueError", e)


main()
