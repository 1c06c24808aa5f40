# Element-wise loops over lists that a vectorizing compiler turns into SIMD code: the results
# must stay bit-for-bit those of one operation at a time (-0.0, inf, nan, rounding of each step,
# float sums in order), and int overflow must still stop with Python's result or a clear error.
import math


def axpy(a: float, xs: list[float], ys: list[float]) -> list[float]:
    out: list[float] = [0.0] * len(xs)
    for i in range(len(xs)):
        out[i] = a * xs[i] + ys[i]
    return out


def scale_in_place(xs: list[float], k: float) -> None:
    for i in range(len(xs)):
        xs[i] *= k


def dot(xs: list[float], ys: list[float]) -> float:
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


def int_mix(xs: list[int], ys: list[int]) -> list[int]:
    out: list[int] = [0] * len(xs)
    for i in range(len(xs)):
        out[i] = xs[i] * 3 + ys[i] - (xs[i] >> 1) + (ys[i] & 7)
    return out


def clamp_all(xs: list[float], lo: float, hi: float) -> list[float]:
    out: list[float] = []
    for x in xs:
        out.append(min(max(x, lo), hi))
    return out


def main() -> None:
    specials = [0.0, -0.0, 1e308, -1e308, math.inf, -math.inf, math.nan, 5e-324, 1.0 / 3.0]
    xs: list[float] = []
    ys: list[float] = []
    for i in range(101):
        xs.append(specials[i % len(specials)] * (1 + i % 4))
        ys.append(specials[(i * 7) % len(specials)] - i * 0.1)
    r = axpy(2.5, xs, ys)
    print([repr(v) for v in r[:20]])
    print(sum(1 for v in r if v != v), sum(1 for v in r if v == math.inf))
    print(repr(sum(v for v in r if v == v and abs(v) < 1e300)))
    zs = [0.1 * i for i in range(1000)]
    print(repr(dot(zs, zs)), repr(sum(zs)))
    scale_in_place(zs, -0.0)
    print(repr(zs[0]), repr(zs[1]), math.copysign(1.0, zs[5]))
    ws = [1.0 + i / 7 for i in range(37)]
    scale_in_place(ws, 1.0 / 3.0)
    print([repr(w) for w in ws[:9]], repr(sum(ws)))
    a = [i * 1000003 for i in range(-50, 50)]
    b = [(i * 7919) % 1000 - 500 for i in range(100)]
    m = int_mix(a, b)
    print(m[:10], sum(m))
    big = [2**62, 2**61, -(2**62)]
    print(int_mix(big, [1, 2, 3]))
    print(clamp_all([-2.0, 0.5, 3.0, -0.0, 0.0, math.inf, math.nan], -1.0, 1.0))
    print(clamp_all([0.0, -0.0], -0.0, 0.0))


main()
