"""`a ** e` where |a| is a power of two (one shift, rt::bi_pow) against CPython's squarings: the
same values and signs for bases 2**k of every size around the 32- and 64-bit limb edges, odd and
even exponents, negative bases, and exponents that make values of millions of bits."""


def digest(v: int) -> str:
    return f"{v.bit_length()} {v % 1000003} {v % 65536} {v < 0}"


def main() -> None:
    bases = [2, -2, 4, -4, 8, -8, 1 << 31, 1 << 32, -(1 << 32), 1 << 33, 1 << 40, -(1 << 40),
             1 << 62, -(1 << 62), 1 << 63, -(1 << 63), 1 << 64, -(1 << 64), 1 << 65, 1 << 100, -(1 << 127)]
    for a in bases:
        row = []
        for e in [0, 1, 2, 3, 5, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 1000]:
            row.append(digest(a ** e))
        print(a, "|", "; ".join(row))
    # not powers of two: still the squarings
    for a in [3, -3, 6, (1 << 64) + 1, -(1 << 64) - 1, 12]:
        print(a, digest(a ** 77), digest(a ** 200))
    big = 2 ** 3 ** 13  # 1,594,323 bits
    print(digest(big), str(2 ** 3 ** 8)[:30])
    neg = (-2) ** (3 ** 13)
    print(digest(neg), neg == -big)
    even = (-4) ** 100000
    print(digest(even), even == 2 ** 200000, even > 0)
    print(2 ** 0, (-2) ** 0, (1 << 70) ** 0, 2 ** 1 == 2, (-(1 << 70)) ** 1 == -(1 << 70))


main()
