# corpus: classes: __iter__ over dict views (return iter(d.items()), yield from d.values()): for with unpacking, list, sum, sorted, dict
class It:
    def __init__(self) -> None:
        self.d = {"a": 1, "b": 2}

    def __iter__(self):
        return iter(self.d.items())


class Vals:
    def __init__(self) -> None:
        self.d = {"a": 1.5}

    def __iter__(self):
        yield from self.d.values()


for k, v in It():
    print(k, v)
print(list(It()), sum(Vals()), sorted(Vals()), dict(It()))
