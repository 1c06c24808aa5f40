# corpus: num: gcd/lcm (Euclid and math.gcd), perfect/abundant numbers, reduced fractions as tuples; some helpers unannotated
import math


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def lcm(a, b):
    return a // gcd(a, b) * b


def divisor_sum(n: int) -> int:
    total = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            if d != n // d:
                total += n // d
        d += 1
    return total if n > 1 else 0


def reduce(num: int, den: int) -> tuple[int, int]:
    if den == 0:
        raise ZeroDivisionError("zero denominator")
    g = gcd(num, den)
    if den < 0:
        g = -g
    return num // g, den // g


def add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def main() -> None:
    for a, b in [(48, 18), (17, 5), (0, 9), (-12, 18), (1071, 462)]:
        print(f"gcd({a}, {b}) = {gcd(a, b)} (math: {math.gcd(a, b)}), lcm = {lcm(a, b)}")
    perfect = [n for n in range(2, 10000) if divisor_sum(n) == n]
    abundant = [n for n in range(2, 60) if divisor_sum(n) > n]
    print("perfect:", perfect)
    print("abundant < 60:", abundant)
    print("lcm 1..20:", lcm_range(20))
    total = (0, 1)
    for k in range(1, 11):
        total = add(total, (1, k))
    print(f"H(10) = {total[0]}/{total[1]} ~ {total[0] / total[1]:.6f}")
    print(reduce(6, -8), reduce(-6, -8), reduce(0, 5))


def lcm_range(n: int) -> int:
    acc = 1
    for k in range(2, n + 1):
        acc = lcm(acc, k)
    return acc


if __name__ == "__main__":
    main()
