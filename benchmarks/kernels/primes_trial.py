# kernel: prime checking by trial division


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def main() -> None:
    count = 0
    last = 0
    for n in range(1000000, 2200000):
        if is_prime(n):
            count += 1
            last = n
    print(f"primes in [1000000, 2200000): {count}, largest {last}")


if __name__ == "__main__":
    main()
