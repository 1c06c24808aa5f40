# corpus: dataclasses: order=True comparisons and sorting, frozen=True (FrozenInstanceError, hashable: dict keys and sets)
from dataclasses import dataclass, FrozenInstanceError


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def bump(self) -> None:
        self.patch += 1


@dataclass(frozen=True)
class Coord:
    row: int
    col: int

    def neighbours(self) -> list["Coord"]:
        return [Coord(self.row + dr, self.col + dc) for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))]


def main() -> None:
    vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2)]
    print(sorted(vs))
    print(max(vs), min(vs), vs[0] == vs[3], vs[0] < vs[1], vs[1] <= vs[0], vs[2] > vs[0], vs[0] >= vs[3])
    vs[2].bump()
    print(vs[2])
    c = Coord(1, 1)
    try:
        c.row = 5
    except FrozenInstanceError as e:
        print("frozen:", e)
    try:
        c.col = 0
    except AttributeError as e:
        print("attribute error:", e)
    seen = {c}
    for n in c.neighbours():
        seen.add(n)
    seen.add(Coord(1, 2))
    print(len(seen), Coord(0, 1) in seen, Coord(5, 5) in seen)
    dist: dict[Coord, int] = {Coord(0, 0): 0}
    frontier = [Coord(0, 0)]
    while frontier:
        cur = frontier.pop(0)
        for n in cur.neighbours():
            if 0 <= n.row < 3 and 0 <= n.col < 3 and n not in dist:
                dist[n] = dist[cur] + 1
                frontier.append(n)
    print(dist[Coord(2, 2)], len(dist), c)
    c.row = 9


main()
