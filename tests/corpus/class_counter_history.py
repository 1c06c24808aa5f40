# corpus: classes: a counter with a class constant, a list field, aliases and objects in lists
class Counter:
    step = 2

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.history: list[int] = []

    def bump(self) -> int:
        self.count += Counter.step
        self.history.append(self.count)
        return self.count

    def __repr__(self) -> str:
        return f"Counter({self.name!r}, {self.count})"


def bump_twice(c: Counter) -> None:
    c.bump()
    c.bump()


a = Counter("a")
b = a
b.count += 1
print(a.count, a is b, a is not b)
bump_twice(a)
print(a, [a, Counter("z")])
cs = [Counter("x"), Counter("y")]
for c in cs:
    c.bump()
print(cs, a.history)
