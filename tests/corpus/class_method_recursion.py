# corpus: classes: recursive methods (memoised Fibonacci in a field dict, mutual recursion between objects) and RecursionError from a runaway method
class Fib:
    def __init__(self) -> None:
        self.memo: dict[int, int] = {0: 0, 1: 1}
        self.calls = 0

    def get(self, n: int) -> int:
        self.calls += 1
        if n not in self.memo:
            self.memo[n] = self.get(n - 1) + self.get(n - 2)
        return self.memo[n]


class PingPong:
    def __init__(self, name: str) -> None:
        self.name = name
        self.other: PingPong | None = None
        self.hits = 0

    def hit(self, n: int) -> int:
        self.hits += 1
        if n == 0 or self.other is None:
            return self.hits
        return self.other.hit(n - 1)

    def runaway(self, n: int) -> int:
        return self.runaway(n + 1) + 1


def main() -> None:
    f = Fib()
    print(f.get(90), f.calls, len(f.memo))
    a, b = PingPong("a"), PingPong("b")
    a.other = b
    b.other = a
    print(a.hit(9), a.hits, b.hits)
    try:
        a.runaway(0)
    except RecursionError:
        print("RecursionError caught")
    print(a.hit(0))


main()
