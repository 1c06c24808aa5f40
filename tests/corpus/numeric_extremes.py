# Adversarial: ints at the edges of float precision passed where a float is annotated, in uses
# where CPython converts the int to a float too (arithmetic with a float partner, float(),
# a float format): identical results even past 2**53 and at 2**63 - 1; past 64 bits the
# program is rerun with big ints, and past the float range CPython's OverflowError.
def times(x: float, k: float) -> float:
    return x * k


def fmt(x: float) -> str:
    return f"{x:.1f}|{x:e}"


def add(x: float) -> float:
    return x + 0.5


print(times(2 ** 53 + 1, 1.0))
print(times(9223372036854775807, 1.5))
print(times(-9223372036854775807 - 1, 0.5))
print(add(2 ** 53 + 1), add(-(2 ** 53) - 3))
print(fmt(9007199254740993), fmt(123456789))
print(times(2 ** 70, 0.25))
print(float(2 ** 80) == times(2 ** 80, 1.0))
print(times(10 ** 400, 1.0))
