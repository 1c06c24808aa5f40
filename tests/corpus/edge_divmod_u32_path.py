# corpus: edge: floor division and modulo of ints on both sides of 2**31, 2**32 and i64's ends (the unsigned 32-bit path)
def main() -> None:
    vals = [0, 1, 2, 3, 7, -1, -2, -7, 10, 4294967295, 4294967296, 4294967297, 2147483647, 2147483648, -2147483648,
            -4294967296, 9223372036854775807, -9223372036854775807 - 1, 123456789012, -123456789012]
    acc = 0
    lines = 0
    for a in vals:
        for b in vals:
            try:
                q = a // b
                r = a % b
                dq, dr = divmod(a, b)
                acc = (acc * 31 + q % 1000003 + r % 1000003 + dq % 7 + dr % 11) % 1000000007
                if lines < 2000:
                    print(a, b, q, r, dq == q, dr == r)
                    lines += 1
            except ZeroDivisionError as e:
                print(a, b, "ZeroDivisionError", e)
            except OverflowError as e:
                print(a, b, "OverflowError", e)
    print(acc)
    x = 0
    n = 1000
    while n < 200000:
        d = n // 3 + 1
        x += n % d + n // d + (n * 7) % 13 + (-n) // d + (-n) % d
        n += 17
    print(x)

main()
