# kernel: naive doubly-recursive Fibonacci (call overhead, int arithmetic)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main() -> None:
    print("fib(37) =", fib(37))


if __name__ == "__main__":
    main()
