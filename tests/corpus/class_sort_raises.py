"""A __lt__ that raises part-way through a sort: the exception reaches the caller at once, and
the list holds its items as CPython's sort left them (partly sorted, none lost)."""


class Budget:
    def __init__(self) -> None:
        self.left = 0


class Item:
    def __init__(self, b: Budget, v: int) -> None:
        self.b = b
        self.v = v

    def __lt__(self, other: "Item") -> bool:
        if self.b.left == 0:
            raise RuntimeError(f"out of comparisons at {self.v} < {other.v}")
        self.b.left -= 1
        return self.v < other.v

    def __repr__(self) -> str:
        return str(self.v)


b = Budget()
for budget in (0, 3, 10, 40, 120, 400):
    xs = [Item(b, (i * 37) % 101) for i in range(90)]
    b.left = budget
    try:
        xs.sort()
        print(budget, "sorted")
    except RuntimeError as e:
        print(budget, "error:", e)
    print(xs)
    b.left = budget
    try:
        print(min(xs), max(xs))
    except RuntimeError as e:
        print("min/max error:", e)
