# corpus: num: Newton's method for sqrt and cube root with tolerance loop, compared to math.sqrt
import math


def newton_sqrt(x: float, tol: float) -> tuple[float, int]:
    if x < 0.0:
        raise ValueError("negative input")
    if x == 0.0:
        return 0.0, 0
    guess = x if x > 1.0 else 1.0
    steps = 0
    while True:
        nxt = 0.5 * (guess + x / guess)
        steps += 1
        if abs(nxt - guess) < tol:
            return nxt, steps
        guess = nxt


def cube_root(x: float) -> float:
    g = x / 3.0 if x != 0.0 else 0.0
    for _ in range(60):
        if g == 0.0:
            break
        g = g - (g * g * g - x) / (3.0 * g * g)
    return g


def isqrt(n: int) -> int:
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def main() -> None:
    for x in [2.0, 9.0, 10.0, 0.25, 1e-6, 12345.678, 0.0]:
        r, steps = newton_sqrt(x, 1e-12)
        print(f"sqrt({x}) ~ {r:.10f} in {steps:>2} steps, math.sqrt agrees: {math.isclose(r, math.sqrt(x))}")
    for x in [27.0, 2.0, -8.0, 1000.0]:
        print(f"cbrt({x}) = {cube_root(x):.6f}")
    for n in [0, 1, 15, 16, 17, 1000000, 2 ** 62]:
        print(f"isqrt({n}) = {isqrt(n)}")
    try:
        newton_sqrt(-1.0, 1e-9)
    except ValueError as e:
        print("error:", e)


if __name__ == "__main__":
    main()
