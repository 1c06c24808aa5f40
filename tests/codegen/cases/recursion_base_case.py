def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a: int, b: int) -> int:
    if b == 0:
        return a
    return gcd(b, a % b)


def walk(n: int) -> int:
    if n <= 0:
        return 0
    return walk(n - 1) + 1


print(fib(20), gcd(1071, 462), gcd(10**12, 10**6 + 3))
for d in (995, 996, 997, 998):
    try:
        print(d, walk(d))
    except RecursionError as e:
        print(d, "RecursionError", e)
