# corpus: type aliases (Vector = list[float], X: TypeAlias = ...) in signatures and annotations: polyline lengths, a word index
from typing import Optional, TypeAlias

Point = tuple[float, float]
Path: TypeAlias = list[Point]
Index = dict[str, list[int]]
MaybeName = Optional[str]


def length(p: Path) -> float:
    total = 0.0
    for i in range(1, len(p)):
        (x0, y0), (x1, y1) = p[i - 1], p[i]
        total += ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    return total


def build(words: list[str]) -> Index:
    idx: Index = {}
    for i, w in enumerate(words):
        idx.setdefault(w, []).append(i)
    return idx


def first(names: list[str]) -> MaybeName:
    return names[0] if names else None


def main() -> None:
    pts: Path = [(0.0, 0.0), (3.0, 4.0), (6.0, 8.0)]
    print(f"{length(pts):.3f}")
    print(build("a b a c b a".split()))
    print(first([]), first(["x"]))


main()
