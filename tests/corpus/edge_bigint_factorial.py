# corpus: edge: factorials past 20! overflow i64, recursive and iterative, math.factorial, trailing zeros
import math


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def trailing_zeros(n: int) -> int:
    s = str(n)
    return len(s) - len(s.rstrip("0"))


def binomial(n: int, k: int) -> int:
    return fact(n) // (fact(k) * fact(n - k))


def main() -> None:
    for n in [0, 1, 5, 10, 20, 21, 25, 30]:
        f = fact(n)
        print(f"{n:>2}! = {f} (zeros={trailing_zeros(f)}, fits i64: {f < 2 ** 63})")
    print("math.factorial(30) == fact(30):", math.factorial(30) == fact(30))
    print("100! has", len(str(fact(100))), "digits")
    print("C(60, 30) =", binomial(60, 30))
    print("C(100, 50) =", binomial(100, 50))
    print("30! // 28! =", fact(30) // fact(28))
    print("30! % 1000000007 =", fact(30) % 1000000007)


if __name__ == "__main__":
    main()
