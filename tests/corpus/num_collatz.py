# corpus: num: Collatz sequences, memoised lengths in a dict, longest chain under a bound
CACHE: dict[int, int] = {1: 1}


def collatz_len(n: int) -> int:
    path: list[int] = []
    while n not in CACHE:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = CACHE[n]
    for m in reversed(path):
        length += 1
        CACHE[m] = length
    return length


def sequence(n: int) -> list[int]:
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
    return seq


def main() -> None:
    for n in [1, 6, 7, 27]:
        s = sequence(n)
        shown = s if len(s) <= 12 else s[:6] + [-1] + s[-5:]
        print(f"{n}: len={len(s)} peak={max(s)} {shown}")
    best_n, best_len = 1, 1
    for n in range(1, 30000):
        length = collatz_len(n)
        if length > best_len:
            best_n, best_len = n, length
    print(f"longest chain below 30000 starts at {best_n} with {best_len} terms")
    print("cache entries:", len(CACHE) > 30000)
    hist: dict[int, int] = {}
    for n in range(1, 1001):
        bucket = collatz_len(n) // 25 * 25
        hist[bucket] = hist.get(bucket, 0) + 1
    for bucket in sorted(hist):
        print(f"{bucket:>3}-{bucket + 24:<3} {hist[bucket]:>4}")


if __name__ == "__main__":
    main()
