# corpus: num: fixed-point iteration (cos x = x), bisection root finding, convergence printing
import math


def fixed_point(x0: float, tol: float, max_iter: int) -> tuple[float, int]:
    x = x0
    for i in range(1, max_iter + 1):
        nxt = math.cos(x)
        if abs(nxt - x) < tol:
            return nxt, i
        x = nxt
    raise RuntimeError(f"no convergence after {max_iter} iterations")


def poly(x: float) -> float:
    return x ** 3 - 2.0 * x - 5.0


def bisect(lo: float, hi: float, tol: float) -> tuple[float, int]:
    if poly(lo) * poly(hi) > 0:
        raise ValueError("root not bracketed")
    steps = 0
    while hi - lo > tol:
        mid = (lo + hi) / 2
        steps += 1
        if poly(lo) * poly(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2, steps


def main() -> None:
    for tol in [1e-3, 1e-6, 1e-10]:
        x, n = fixed_point(1.0, tol, 1000)
        print(f"cos fixed point tol={tol}: {x:.8f} after {n} iterations")
    try:
        fixed_point(1.0, 1e-15, 10)
    except RuntimeError as e:
        print("error:", e)
    root, steps = bisect(2.0, 3.0, 1e-9)
    print(f"root of x^3-2x-5: {root:.9f} in {steps} steps, residual ok: {abs(poly(root)) < 1e-6}")
    try:
        bisect(3.0, 4.0, 1e-6)
    except ValueError as e:
        print("error:", e)
    print(f"golden ratio by iteration: {1.0 + 1.0 / 1.6180339887:.6f}")


if __name__ == "__main__":
    main()
