# kernel: longest Collatz chain below a bound (plain int loop, no memo)


def chain_length(n: int) -> int:
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main() -> None:
    best_n = 1
    best_len = 1
    for n in range(1, 600000):
        length = chain_length(n)
        if length > best_len:
            best_n = n
            best_len = length
    print(f"longest chain below 600000: start {best_n}, {best_len} terms")


if __name__ == "__main__":
    main()
