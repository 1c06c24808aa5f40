# corpus: classes: an LRU cache object (dict + recency list) used by a memoised computation, hit/miss counters, eviction order
class LRU:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: dict[int, int] = {}
        self.order: list[int] = []
        self.hits = 0
        self.misses = 0
        self.evicted: list[int] = []

    def get(self, key: int) -> int | None:
        if key in self.data:
            self.hits += 1
            self.order.remove(key)
            self.order.append(key)
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key: int, value: int) -> None:
        if key in self.data:
            self.order.remove(key)
        elif len(self.data) >= self.capacity:
            old = self.order.pop(0)
            del self.data[old]
            self.evicted.append(old)
        self.data[key] = value
        self.order.append(key)


def collatz_len(n: int, cache: LRU) -> int:
    steps = 0
    x = n
    while x != 1:
        hit = cache.get(x)
        if hit is not None:
            steps += hit
            break
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        steps += 1
    cache.put(n, steps)
    return steps


def main() -> None:
    cache = LRU(50)
    best = max(range(1, 3000), key=lambda n: collatz_len(n, cache))
    print(best, collatz_len(best, cache))
    print(cache.hits, cache.misses, len(cache.data), cache.evicted[:5], cache.order[-3:])
    small = LRU(2)
    small.put(1, 10)
    small.put(2, 20)
    small.get(1)
    small.put(3, 30)
    print(small.data, small.evicted, small.get(2), small.get(3))


main()
