"""Indexing a named tuple with a run-time index past its end: IndexError escapes (exit 1)."""
from typing import NamedTuple


class Triple(NamedTuple):
    a: int
    b: int
    c: int


def pick(t: Triple, idx: list[int]) -> list[int]:
    out: list[int] = []
    for i in idx:
        out.append(t[i])
        print("picked", i, "->", out[-1])
    return out


t = Triple(7, 8, 9)
print(pick(t, [0, -1, 1]))
print(pick(t, [2, 3, 0]))
