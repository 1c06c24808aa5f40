# corpus: classes: __iter__ as return iter(self.items), yield from, a for/yield generator over a dict; for (appending while looping), list/sum/in/sorted/max/enumerate/zip/unpacking and comprehensions over objects; __call__ on variables, parameters, fields and keyword arguments
class Bag:
    def __init__(self) -> None:
        self.items: list[int] = []

    def add(self, x: int) -> None:
        self.items.append(x)

    def __iter__(self):
        return iter(self.items)


class Words:
    def __init__(self, text: str) -> None:
        self.words = text.split()

    def __iter__(self):
        yield from self.words


class Counts:
    def __init__(self) -> None:
        self.d: dict[str, int] = {}

    def __iter__(self):
        for k in self.d:
            yield k


b = Bag()
b.add(3)
b.add(4)
for x in b:
    print(x)
    if x == 3:
        b.add(5)
print(list(b), sum(b), 3 in b, 9 not in b, sorted(b, reverse=True), max(b))
w = Words("the quick brown fox")
print([s.upper() for s in w], len(list(w)), "fox" in w)
for i, s in enumerate(w):
    print(i, s)
c = Counts()
c.d["a"] = 1
c.d["b"] = 2
print(list(c), {k: c.d[k] for k in c})
p, q = Bag(), Bag()
p.add(1)
p.add(2)
one, two = p
print(one, two, list(zip(p, w)))
class Adder:
    def __init__(self, n: int) -> None:
        self.n = n
        self.calls = 0

    def __call__(self, x: int, times: int = 1) -> int:
        self.calls += 1
        return x + self.n * times


class Pipeline:
    def __init__(self, step: Adder) -> None:
        self.step = step

    def run(self, xs: list[int]) -> list[int]:
        return [self.step(x) for x in xs]


add3 = Adder(3)
print(add3(4), add3(4, times=2), add3.calls)


def apply(f: Adder, v: int) -> int:
    return f(v) * 2


print(apply(add3, 10), Pipeline(Adder(1)).run([1, 2, 3]))
