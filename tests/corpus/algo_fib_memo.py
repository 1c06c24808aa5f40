# corpus: algo: memoised recursion with a dict, iterative comparison, fib(90) fits in i64
MEMO: dict[int, int] = {}
calls = 0


def fib(n: int) -> int:
    global calls
    calls += 1
    if n < 2:
        return n
    if n in MEMO:
        return MEMO[n]
    value = fib(n - 1) + fib(n - 2)
    MEMO[n] = value
    return value


def fib_iter(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main() -> None:
    global calls
    for n in [0, 1, 2, 10, 20, 50, 90]:
        calls = 0
        v = fib(n)
        print(f"fib({n}) = {v:,} ({calls} calls, iter agrees: {v == fib_iter(n)})")
    print("memo size:", len(MEMO))
    print("first 15:", [fib_iter(i) for i in range(15)])
    evens = [fib_iter(i) for i in range(40) if fib_iter(i) % 2 == 0]
    print("even fibs below fib(40):", len(evens), "sum", sum(evens))


if __name__ == "__main__":
    main()
