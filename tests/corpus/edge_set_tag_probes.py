# corpus: sets whose probes skip slots by a tag byte: int keys with equal low bits or equal hashes, removals leaving dummies that adds reuse, pop order, growth, str membership


def show(s: set[int]) -> str:
    return str(sorted(s)) + " " + str(len(s))


def main() -> None:
    # -1 and -2 hash alike; multiples of 1024 share their low bits; 2**61 - 1 hashes to 0
    s: set[int] = {-1, -2, 0, 2305843009213693951, -2305843009213693951}
    for k in range(0, 20 * 1024, 1024):
        s.add(k)
    print(s)
    print(-1 in s, -2 in s, -3 in s, 2048 in s, 2049 in s, 2305843009213693951 in s)
    # removals leave dummies; adds after them reuse the last one on the way
    for k in range(0, 20 * 1024, 2048):
        s.discard(k)
    print(s)
    for k in [7, 1024 * 3, 4096, 8192, 9, -2]:
        s.add(k)
    print(s, 4096 in s, 2048 in s)
    popped: list[int] = []
    for _ in range(5):
        popped.append(s.pop())
    print(popped, show(s))
    # growth past several resizes, then most removed, then membership of all
    big: set[int] = set()
    for i in range(3000):
        big.add(i * 37 % 5003)
    for i in range(0, 5003, 3):
        big.discard(i)
    hits = 0
    for i in range(5003):
        if i in big:
            hits += 1
    print(hits, len(big), list(big)[:8])
    # str keys: present and absent (lengths 0, 1, 7, 8, 9, 15, 16, 17, non-ASCII)
    words: set[str] = set()
    for n in [0, 1, 7, 8, 9, 15, 16, 17]:
        words.add("w" * n)
    words.add("über")
    words.add("日本")
    found = 0
    for n in range(20):
        if "w" * n in words:
            found += 1
    print(found, "über" in words, "uber" in words, "日本" in words, "" in words)
    skus: set[str] = set()
    for i in range(0, 20000, 7):
        skus.add(f"SKU-{i:06d}")
    inside = 0
    for i in range(20000):
        if f"SKU-{i:06d}" in skus:
            inside += 1
    print(inside, len(skus))
    e: set[int] = set()
    print(5 in e, len(e))
    try:
        e.pop()
    except KeyError as err:
        print("KeyError", err)
    s.clear()
    print(s, 0 in s)
    s.add(0)
    print(s)


if __name__ == "__main__":
    main()
