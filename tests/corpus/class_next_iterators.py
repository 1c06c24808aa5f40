# corpus: classes: iterator classes (__iter__ returning self or another object with __next__, StopIteration ends the loop): for with break/continue/else, an exhausted iterator, nested loops over a fresh iterator each time
class Countdown:
    def __init__(self, n: int) -> None:
        self.n = n

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Range2:
    def __init__(self, lo: int, hi: int) -> None:
        self.lo = lo
        self.hi = hi

    def __iter__(self):
        return RangeIter(self.lo, self.hi)


class RangeIter:
    def __init__(self, cur: int, hi: int) -> None:
        self.cur = cur
        self.hi = hi

    def __iter__(self):
        return self

    def __next__(self) -> int:
        if self.cur >= self.hi:
            raise StopIteration()
        v = self.cur
        self.cur += 2
        return v


for x in Countdown(3):
    print("tick", x)
c = Countdown(5)
for x in c:
    if x == 4:
        continue
    if x == 2:
        break
    print("c", x)
else:
    print("not reached")
for x in c:
    print("rest", x)
else:
    print("done")
r = Range2(1, 8)
total = 0
for a in r:
    for b in r:
        total += a * b
print(total)
