# collections.deque: maxlen windows, rotate, both ends, extend/extendleft (a generator too), indexing,
# iteration guarded against mutation (RuntimeError), copy/==, a dataclass field, and the big-int rerun
import collections
from collections import deque
from dataclasses import dataclass
from typing import Deque


@dataclass
class Window:
    size: int
    items: Deque[float]

    def push(self, v: float) -> float:
        self.items.append(v)
        return sum(self.items) / len(self.items)


def tail(lines: list[str], n: int) -> deque[str]:
    return deque(lines, n)


def noisy(n: int) -> int:
    print("noisy", n)
    return n


def main() -> None:
    w = Window(3, collections.deque(maxlen=3))
    for fv in [1.0, 2.5, 4.0, 8.0, 0.5]:
        print(f"{w.push(fv):.3f}", w.items)
    print(tail(["a", "b", "c", "d"], 2), tail([], 0))
    k = 2
    d = deque(range(5), k)
    print(d, d.maxlen)
    d2: deque[int] = deque()
    d2.extend(noisy(i) for i in range(3))
    d2.extendleft(x * 10 for x in d2.copy())
    print(d2)
    d2[0] += 5
    d2[-1] -= 1
    print(d2, d2 == deque([5, 10, 0, 0, 1, 1]), d2 != deque([1]))
    for i, v in enumerate(d2):
        print(i, v, end="; ")
    print()
    print(list(zip(d2, "abcdef")), max(d2), min(d2), any(d2), all(d2))
    print([x + 1 for x in d2 if x], sorted({x for x in d2}), [deque([1]), deque([2], 2)])
    z = deque([1, 2, 3])
    try:
        for v in reversed(z):
            z.popleft()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        deque([1], -1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(z[5])
    except IndexError as e:
        print("IndexError:", e)
    try:
        z.remove(42)
    except ValueError as e:
        print("ValueError:", e)
    z.extend(z)
    z.rotate(10 ** 6 + 1)
    print(z, len(z))
    m = deque(maxlen=0)
    m.append(1)
    m.extend(noisy(i) for i in range(2))
    print(m, len(m))
    s = deque(["x", "y"])
    print(" ".join(s), "-".join(reversed(s)), "y" in s, "q" not in s)
    r = deque([(1, "a"), (2, "b")])
    a, b = r.popleft()
    print(a, b, r)
    big = deque([2 ** 62, 2 ** 62])
    print(sum(big))


main()
