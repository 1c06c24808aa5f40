# items that Rust moves (big ints past 64 bits, strs, lists, tuples) taken by a consumer loop that
# continues or breaks: each item is bound once per step
from typing import Iterator


def values(n: int) -> Iterator[int]:
    yield n
    yield 2 ** 70
    yield -(3 ** 50)
    yield n + 1


def rows(k: int) -> Iterator[tuple[str, list[int]]]:
    for i in range(k):
        yield ("r" * i, list(range(i)))


for v in values(3):
    if v > 10:
        continue
    print("item", v)
for name, xs in rows(5):
    if not xs:
        continue
    if len(xs) == 4:
        break
    print(name, xs, sum(xs))
print(max(values(1)), [x % 1000 for x in values(0)])
