"""Star-unpacking as everyday code uses it: `cmd, *args = line.split()`, head/tail of a list,
`for name, *scores in rows`, `[*a, *b]` and `{**defaults, **overrides}` to build new
containers, and `print(*row)` for a row of values."""

from typing import Optional


def run(line: str) -> str:
    try:
        cmd, *args = line.split()
    except ValueError as e:
        return f"error: {e}"
    if cmd == "add":
        return str(sum(int(a) for a in args))
    if cmd == "echo":
        return " ".join(args)
    return f"unknown {cmd!r} with {len(args)} argument(s)"


for line in ["add 1 2 3", "echo hello  world", "stop", "", "mul 2 3"]:
    print(run(line))

readings = [12.5, 13.0, 12.75, 14.25, 13.5]
first, *middle, last = readings
print(first, middle, last, sep=" / ")
*older, newest = readings
print(f"newest {newest}, {len(older)} older")

rows = [["ann", "3", "4", "5"], ["bo", "2"], ["cy"]]
for name, *scores in rows:
    nums = [int(s) for s in scores]
    print(f"{name:4}", *nums, sep="|", end="")
    print(f" -> {max(nums, default=0)}")

defaults = {"width": 80, "size": 10, "debug": 0}
overrides = {"size": 12, "debug": 1}
config = {**defaults, **overrides, "depth": 3}
print(config)
print({"size": 0, **defaults})

evens = [x for x in range(6) if x % 2 == 0]
odds = (1, 3, 5)
merged = [*evens, *odds, 99]
print(merged, sorted({*evens, *odds}))
print(*merged)
print(*sorted(config), sep=", ")
empty: list[int] = []
print("before", *empty, "after")
try:
    a, b, *rest = [1]
except ValueError as e:
    print("ValueError:", e)


def lookup(found: bool) -> Optional[list[int]]:
    return [4, 5] if found else None


for found in (True, False):  # `*` of None: CPython's TypeError for each kind of `*`
    try:
        print([0, *lookup(found)])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(sorted({*lookup(found)}))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(*lookup(found), sep="+")
    except TypeError as e:
        print("TypeError:", e)

# rows of mixed types: the name, then the numbers (the `*` part holds items of one type)
graded = [("ann", 3, 4, 5), ("bo", 6, 7, 8)]
for name, *marks in graded:
    marks.append(10)
    print(name, marks, sum(marks) / len(marks))
print(graded)
label, *values, unit = ("temp", 21.5, 22.0, "C")
print(f"{label}: {values} {unit}")
