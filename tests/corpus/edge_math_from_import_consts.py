# corpus: edge: math constants imported by name (`from math import pi, inf as INF`), in functions and at module level
from math import pi, e, tau, nan
from math import inf as INF
from math import sqrt


def circle(r: float) -> float:
    return pi * r * r


def clamp(x: float) -> float:
    if x > 1e300:
        return INF
    if x < -1e300:
        return -INF
    return x


def is_nan(x: float) -> bool:
    return x != x


def describe(x: float) -> str:
    if x == INF:
        return "infinite"
    if is_nan(x):
        return "not a number"
    return f"{x:.6f}"


print(circle(2.0), round(circle(1.5), 4))
print(e, tau, tau == 2 * pi, sqrt(pi))
print(clamp(1e301), clamp(-1e308 * 10), clamp(0.5))
print(describe(INF), describe(nan), describe(e), describe(-INF))
print([describe(v) for v in (pi, INF * 0, 1 / INF)])
print(f"{pi:.3f} {e:10.4e} {INF} {-INF:>8} {nan}")
total = 0.0
for k in range(1, 6):
    total += pi / k
print(round(total, 10), total < INF, min(INF, total), max(-INF, -total))
