# kernel: sieve of Eratosthenes over a list[bool] with while loops


def sieve(n: int) -> int:
    is_prime: list[bool] = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            j = i * i
            while j <= n:
                is_prime[j] = False
                j += i
        i += 1
    count = 0
    for k in range(n + 1):
        if is_prime[k]:
            count += 1
    return count


def main() -> None:
    print("primes below 25000000:", sieve(25000000))


if __name__ == "__main__":
    main()
