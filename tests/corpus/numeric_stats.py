# Module-level helpers with float parameters called with ints, int defaults, local copies,
# true division by an int literal, comparisons and math functions.
import math


def mean2(a: float, b: float) -> float:
    return (a + 0.0 + b) / 2


def celsius(f: float) -> float:
    return (f - 32.0) * 5.0 / 9.0


def clamp(x: float, lo: float = 0, hi: float = 1) -> float:
    if x < lo:
        return lo + 0.0
    if x > hi:
        return hi + 0.0
    return x * 1.0


def hypot_len(dx: float, dy: float) -> float:
    a = dx
    b = dy
    return math.hypot(a, b)


def grade(score: float) -> str:
    if score >= 90:
        return "A"
    elif score >= 75:
        return "B"
    return "C"


def third(x: float) -> float:
    return x / 3


print(mean2(3, 4), mean2(1.5, 2))
for temp in [32, 212, -40, 100]:
    print(temp, f"{celsius(temp):.1f}")
print(clamp(5), clamp(-3), clamp(0.25), clamp(7, hi=10))
print(hypot_len(3, 4), hypot_len(1, 1.5))
print([grade(s) for s in [95, 80, 60, 89]])
print(third(10), third(9), third(-7), third(2 ** 52))
print(math.floor(third(10)), math.isclose(third(3), 1))
print(f"{celsius(451):e} {celsius(98):g} {mean2(1, 2):.0%}")
