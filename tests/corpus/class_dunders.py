# corpus: classes: __repr__/__str__, __eq__/__hash__, ordering with sorted/min/max, __len__, __bool__, __contains__, __getitem__/__setitem__, arithmetic dunders
class Vec:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __add__(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other: "Vec") -> "Vec":
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k: int) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k: int) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def __neg__(self) -> "Vec":
        return Vec(-self.x, -self.y)

    def __eq__(self, other: "Vec") -> bool:
        return self.x == other.x and self.y == other.y

    def __hash__(self) -> int:
        return self.x * 1000 + self.y

    def __lt__(self, other: "Vec") -> bool:
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"

    def __str__(self) -> str:
        return f"<{self.x},{self.y}>"


class Bag:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, s: str) -> None:
        self.items.append(s)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, s: str) -> bool:
        return s in self.items

    def __getitem__(self, i: int) -> str:
        return self.items[i]

    def __setitem__(self, i: int, v: str) -> None:
        self.items[i] = v.upper()


class Flag:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


def main() -> None:
    a = Vec(1, 2)
    b = Vec(3, -1)
    print(a + b, a - b, a * 3, 2 * b, -a)
    print(repr(a + b), str(a), f"{a} {a!r}", [a, b])
    print(a == Vec(1, 2), a != Vec(1, 2), a == b, a is Vec(1, 2))
    vs = [Vec(3, 1), Vec(1, 5), Vec(1, 2), Vec(0, 9)]
    print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True))
    vs.sort()
    print(vs, a < b, b < a, a > b, a > a)
    counts: dict[Vec, int] = {}
    for v in [Vec(1, 1), Vec(2, 2), Vec(1, 1)]:
        counts[v] = counts.get(v, 0) + 1
    print(counts, Vec(2, 2) in counts, {Vec(0, 0), Vec(0, 0)})
    print(Vec(1, 2) in vs, vs.index(Vec(1, 5)))
    bag = Bag()
    print(len(bag), bool(bag), "x" in bag)
    if not bag:
        print("empty bag")
    bag.add("x")
    bag.add("y")
    bag[1] = "zed"
    print(len(bag), "x" in bag, "q" not in bag, bag[0], bag[1], bag[-1])
    if bag:
        print("bag has", len(bag))
    flags = [Flag(True), Flag(False)]
    print([("on" if f else "off") for f in flags], any(f.on for f in flags))
    total = Vec(0, 0)
    for v in vs:
        total = total + v
    print(total)


main()
