# corpus: numeric: big ints everywhere: operators, bits, floats, text, containers, math
import math

MASK64 = 0xFFFFFFFFFFFFFFFF


def fnv1a(text: str) -> int:
    h = 0xCBF29CE484222325
    for ch in text:
        h = ((h ^ ord(ch)) * 0x100000001B3) & MASK64
    return h


def collatz_peak(n: int) -> int:
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        peak = max(peak, n)
    return peak


def main() -> None:
    a = 2 ** 100 + 7
    b = -(3 ** 50)
    print(a + b, a - b, a * b, a // b, a % b, -a // 7, -a % 7, divmod(b, 1000))
    print(a & b, a | b, a ^ b, ~a, a >> 3, b >> 70, 1 << 80, (a << 5) - a)
    print(a / b, a / 3, float(a), a > 1e30, b < -1e24, a == 2.0 ** 100 + 7, 2 ** 64 == 2.0 ** 64)
    print(hex(a), oct(b), bin(2 ** 65 + 1), f"{a:,}", f"{b:_x}", f"{a:>40}|", f"{a:e}", f"{b:+.3g}")
    print(fnv1a("portalis"), fnv1a("big ints"), collatz_peak(2 ** 70 + 1) > 2 ** 70)
    print(math.factorial(30), math.comb(80, 40), math.gcd(2 ** 90, 6 ** 40), math.isqrt(10 ** 41))
    print(math.log2(2 ** 200), math.log10(10 ** 300), round(math.log(3 ** 900), 6), pow(7, 10 ** 20, 10 ** 30 + 1))
    print(int("123456789012345678901234567890") + 1, int("-" + "ff" * 10, 16), int(1e25), round(2 ** 80 + 999, -3))
    squares = [k * k for k in range(2 ** 31, 2 ** 31 + 3)]
    table = {2 ** 64: "two**64", -(2 ** 64): "minus"}
    table[2 ** 64] += "!"
    print(squares, sorted(squares, reverse=True)[0], sum(squares), max(squares) - min(squares))
    print(table, 2 ** 64 in table, len(str(2 ** 10000)), str(2 ** 200)[-10:])
    nums = [3 ** 40, -(2 ** 70), 5, 0]
    nums.sort()
    print(nums, abs(nums[0]), nums.index(5), [n % 1000 for n in nums])
    try:
        print(len(str(10 ** 5000)))
    except ValueError as e:
        print("ValueError:", str(e)[:40])
    try:
        print([1, 2, 3][2 ** 70])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(float(10 ** 400))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print((10 ** 400) / 3)
    except OverflowError as e:
        print("OverflowError:", e)
    print(10 ** 400 // 10 ** 398, (10 ** 400 + 1) % 7, -(10 ** 20) // 3)


main()
