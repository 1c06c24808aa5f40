# -0.0 survives comparisons that pick one of their operands (clamps, max/min), as in CPython
def clamp(x: float) -> float:
    if x < 0.0:
        return 0.0
    return x


def clamp2(x: float) -> float:
    return 0.0 if x <= 0 else x


def floor0(x: float) -> float:
    return x if x > 0.0 else 0.0


z = float("-0.0")
y = round(-0.3, 0)
print(clamp(z), max(z, 0.0), min(z, 0.0), min(0.0, z), max(0.0, z), clamp2(z), floor0(z), max(y, 0.0))
print(clamp(-1.5), clamp(2.5), max(-1.0, 0.0), min(3.0, 0.0))
def pick(x: float, n: int) -> float:
    f = float(n)
    return x if x > f else f


def pick2(x: float, n: int) -> float:
    return max(x, n * 1.0)


print(pick(z, 0), pick2(z, 0), pick(0.0, 0))
def clamp_c(x: float) -> float:
    return 0.0 if 0.0 > x else x


def floor_c(x: float) -> float:
    if 0.0 < x:
        return x
    return 0.0


def low_c(x: float) -> float:
    return x if 0.0 >= x else 0.0


print(clamp_c(z), floor_c(z), low_c(z), clamp_c(-2.5), floor_c(3.5), low_c(0.5))
xs = [0.0, -0.0, 1.5, -2.0, -0.0]
print(max(xs), min(xs), max([-0.0, 0.0]), min([0.0, -0.0]), max(xs, key=lambda v: v * 2.0), min(-0.0, 0.0, key=abs))
