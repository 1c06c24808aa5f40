# corpus: num: sieve of Eratosthenes, trial division, prime factorisation into dict, twin primes
def sieve(limit: int) -> list[int]:
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    if limit >= 1:
        is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for m in range(p * p, limit + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]


def factorize(n: int) -> dict[int, int]:
    factors: dict[int, int] = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def show_factors(f: dict[int, int]) -> str:
    return " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items())


def main() -> None:
    primes = sieve(100)
    print(f"{len(primes)} primes below 100:", primes)
    print("primes below 10000:", len(sieve(10000)), "largest:", sieve(10000)[-1])
    twins = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
    print("twin primes:", twins)
    for n in [2, 12, 97, 360, 1001, 65536, 999999, 600851475143]:
        print(f"{n:>13,} = {show_factors(factorize(n))}")
    gaps = [b - a for a, b in zip(primes, primes[1:])]
    print("max gap below 100:", max(gaps), "at", primes[gaps.index(max(gaps))])


if __name__ == "__main__":
    main()
