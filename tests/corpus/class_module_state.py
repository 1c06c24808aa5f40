# corpus: classes: a module-level object mutated by functions, a global rebound to a new object, objects created in module code and passed around
class Stats:
    def __init__(self) -> None:
        self.count = 0
        self.total = 0
        self.largest = 0

    def add(self, x: int) -> None:
        self.count += 1
        self.total += x
        if self.count == 1 or x > self.largest:
            self.largest = x

    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0


STATS = Stats()
current = Stats()


def record(xs: list[int]) -> None:
    for x in xs:
        STATS.add(x)
        current.add(x)


def reset() -> Stats:
    global current
    old = current
    current = Stats()
    return old


record([3, 9, 4])
first = reset()
record([10, -2])
print(STATS.count, STATS.total, STATS.largest, round(STATS.mean(), 3))
print(first.count, first.largest, current.count, current.largest, current.mean())
s = STATS
s.add(100)
print(STATS.largest, STATS is s, first is current)
