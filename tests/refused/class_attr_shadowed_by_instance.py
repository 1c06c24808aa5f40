# expect: unsupported-class @ 10
class Counter:
    count = 0

    def __init__(self) -> None:
        self.n = 1


c = Counter()
c.count = 5
print(c.count, Counter.count)
