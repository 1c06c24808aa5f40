# corpus: class: __hash__ through hash() of a tuple, a frozen dataclass in a set; hash() of ints and tuples
from dataclasses import dataclass


class P:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __eq__(self, o: object) -> bool:
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))


@dataclass(frozen=True)
class F:
    a: int
    b: tuple[int, int]


def main() -> None:
    print(hash(5), hash(-1), hash(2**61), hash((1, 2)), hash(()), hash(True), hash((-1, (2, 3))))
    ps = {P(1, 2), P(3, 4), P(1, 2), P(0, 0), P(-1, -1)}
    print(len(ps), [(p.x, p.y) for p in ps])
    fs = {F(1, (2, 3)), F(0, (0, 0)), F(1, (2, 3)), F(9, (8, 7))}
    print(len(fs), [(f.a, f.b) for f in fs])


main()
