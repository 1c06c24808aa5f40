"""math functions of one float follow CPython's math_1: a NaN from a non-NaN argument is
`ValueError: math domain error`, an infinity from a finite argument `OverflowError: math range
error` (sinh, cosh, expm1, exp) or a domain error (the others). Found by the hunt of 2026-12-04:
math.sin(inf) printed nan, math.cosh(1000.0) printed inf."""
import math


def one(name: str, v: float) -> str:
    try:
        if name == "sin":
            r = math.sin(v)
        elif name == "cos":
            r = math.cos(v)
        elif name == "tan":
            r = math.tan(v)
        elif name == "sinh":
            r = math.sinh(v)
        elif name == "cosh":
            r = math.cosh(v)
        elif name == "tanh":
            r = math.tanh(v)
        elif name == "atan":
            r = math.atan(v)
        elif name == "expm1":
            r = math.expm1(v)
        else:
            r = math.exp(v)
        return f"{name}({v}) = {r}"
    except (ValueError, OverflowError) as e:
        return f"{name}({v}) raises {type(e).__name__}: {e}"


inf = float("inf")
for name in ["sin", "cos", "tan", "sinh", "cosh", "tanh", "atan", "expm1", "exp"]:
    for v in [0.0, -0.0, 1000.0, -1000.0, 1e308, inf, -inf, float("nan")]:
        if name in ("sin", "cos", "tan") and abs(v) == 1000.0:
            continue  # the last digit may differ (a documented limit: warning float-last-digit)
        print(one(name, v))
print(math.cos(inf))
