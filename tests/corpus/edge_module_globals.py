# module variables: set in module order (not lazily), values that depend on other module
# variables, a variable rebound after another was computed from it, and a function that reads a
# module constant before the module body defines it (NameError, as in CPython)

RATE = 3
LIMIT = RATE * 10 + 1
RATE = 5
NAMES = ["a", "b"]
FIRST = NAMES[0]
TOTAL = 0


def report() -> str:
    return f"rate={RATE} limit={LIMIT} first={FIRST} total={TOTAL}"


def add(n: int) -> None:
    global TOTAL
    TOTAL += n


def late() -> int:
    return LATE + 1


print(report())
add(4)
add(LIMIT)
NAMES.append("c")
print(report(), NAMES)
try:
    print(late())
except NameError as e:
    print("NameError:", e)
LATE = 41
print(late())
