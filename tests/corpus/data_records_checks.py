"""Everyday record handling with builtins that check as they go: zip(strict=True) over
parallel columns, tuple.index()/count(), dict.fromkeys() to dedupe and to start counters,
math.prod() for compound growth, int.bit_length()/bit_count() for flags, sys.maxsize as a
starting minimum."""
import math
import sys

names = ["ada", "bob", "cy", "bob", "dee", "ada"]
ages = [36, 41, 29, 41, 52, 36]
scores = [88.5, 92.0, 79.25, 92.0, 66.0, 88.5]

for n, a, s in zip(names, ages, scores, strict=True):
    print(f"{n:>4} {a:3d} {s:6.2f}")

unique = list(dict.fromkeys(names))
print("unique:", unique)
counts = dict.fromkeys(unique, 0)
for n in names:
    counts[n] += 1
print("counts:", counts)
seen = dict.fromkeys(["x", "y"], [])
seen["x"].append(1)  # one list shared by every key, as in CPython
print("shared:", seen)


def check(cols: list[list[int]]) -> None:
    try:
        total = 0
        for a, b, c in zip(cols[0], cols[1], cols[2], strict=True):
            total += a * b - c
        print("ok", total)
    except ValueError as e:
        print("ValueError:", e)


check([[1, 2], [3, 4], [5, 6]])
check([[1, 2, 3], [3, 4], [5, 6]])
check([[1], [3, 4], [5, 6]])
check([[1, 2], [3, 4], [5]])
check([[1, 2], [3, 4], [5, 6, 7]])

weekdays = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
print(weekdays.index("thu"), weekdays.count("sun"), (1.5, 2.5, 1.5).count(1.5))
try:
    print(weekdays.index("funday"))
except ValueError as e:
    print("ValueError:", e)

rates = [1.05, 1.02, 0.97, 1.10]
print(f"growth {math.prod(rates):.6f}", math.prod(rates, start=100.0), math.prod(range(1, 16)))
print(math.prod([2, 3], start=0.5), math.prod(a for a in ages if a > 40))
empty: list[float] = []
print(math.prod(empty, start=1.0))

youngest = sys.maxsize
for a in ages:
    youngest = min(youngest, a)
print("youngest", youngest, sys.maxsize.bit_length(), -sys.maxsize - 1)

for flags in [0, 1, 5, 255, 256, 2 ** 40 + 3, -7, 9223372036854775807]:
    print(flags, flags.bit_length(), flags.bit_count(), (flags > 3).bit_length())
# past 64 bits: the run continues in the big-int build from the start
print(math.prod(range(1, 30)), (2 ** 100 + 7).bit_length(), (-(2 ** 100) - 1).bit_count(), math.prod([2 ** 40, 2 ** 40]))
