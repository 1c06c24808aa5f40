# corpus: edge: fibonacci past fib(92) overflows i64, dict memo with big values, comparisons of big ints
MEMO: dict[int, int] = {0: 0, 1: 1}


def fib(n: int) -> int:
    if n in MEMO:
        return MEMO[n]
    result = fib(n - 1) + fib(n - 2)
    MEMO[n] = result
    return result


def main() -> None:
    for n in [90, 91, 92, 93, 94, 100, 150, 300]:
        print(f"fib({n}) = {fib(n)}")
    limit = 2 ** 63 - 1
    first_over = 0
    for n in range(200):
        if fib(n) > limit:
            first_over = n
            break
    print("first fib over i64 max:", first_over)
    print("ratio check:", fib(101) * fib(99) - fib(100) ** 2)
    print("gcd-like property:", fib(120) % fib(40))
    print("last 10 digits of fib(300):", str(fib(300))[-10:])
    print("max of big ints:", max(fib(95), fib(94) * 2))


if __name__ == "__main__":
    main()
