# corpus: edge: top-level `x = []` / `x = {}` once fresh, rebound after use, aliased, in a try and a recursion
from typing import Iterator


def twice() -> list[int]:
    xs: list[int] = []
    xs.append(1)
    alias = xs
    xs = []
    xs.append(2)
    out = alias + xs
    xs = []
    return out + xs


def counts(words: list[str]) -> dict[str, int]:
    d: dict[str, int] = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    first = d
    d = {}
    d["é"] = len(first)
    print(sorted(first.items()), d)
    return first


def walk(n: int, depth: int) -> list[int]:
    acc: list[int] = []
    if n > 0:
        acc = walk(n - 1, depth + 1)
    acc.append(n * 10 + depth)
    return acc


def gen(n: int) -> Iterator[list[int]]:
    buf: list[int] = []
    for i in range(n):
        buf.append(i)
        if len(buf) == 3:
            yield buf
            buf = []
    yield buf


def risky(k: int) -> list[int]:
    got: list[int] = []
    try:
        got = []
        got.append(k)
        got.append(10 // k)
    except ZeroDivisionError:
        print("zero after", got)
    got2: list[int] = []
    return got + got2


print(twice())
print(counts(["a", "b", "a", "", "é", "a"]))
print(counts([]))
print(walk(4, 0))
print([b for b in gen(7)], [b for b in gen(0)], [len(b) for b in gen(9)])
print(risky(5), risky(0))
keys = {"k": [1, 2]}
keys = {}
print(keys, len(keys))
vals: list[str] = ["x"]
seen = vals
vals = []
print(vals, seen)
