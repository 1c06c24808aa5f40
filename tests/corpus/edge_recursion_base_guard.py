# corpus: recursion: small recursive int functions opening with `if COND: return VALUE` (base case answered at the call site, one level inlined) at the recursion limit and past i64
import sys

def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def depth(n: int) -> int:
    if n == 0:
        return 0
    return depth(n - 1) + 1

def binom(n: int, k: int) -> int:
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)

def ack(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

def flag(n: int, neg: bool) -> bool:
    if not neg and n <= 0:
        return neg
    return flag(n - 1, neg) if n > -5 else True

def chain(n: int) -> int:
    if 0 <= n < 3:
        return n
    return chain(n - 3) * 2 - chain(n - 1)

def big(n: int) -> int:
    if n < 2:
        return 1
    return big(n - 1) * n

def main() -> None:
    print(fib(20), binom(20, 7), ack(2, 3), flag(10, False), flag(3, True), chain(15))
    for d in (990, 994, 995, 996, 997, 998, 999, 1000, 1100):
        try:
            print(d, depth(d))
        except RecursionError as e:
            print(d, "RecursionError", e)
    try:
        print(big(25))
    except OverflowError as e:
        print("overflow", e)
    print(fib(25))

main()
