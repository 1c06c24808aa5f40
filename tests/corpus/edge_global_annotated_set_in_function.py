# Module variables annotated Optional or with containers, first set by functions (`global best`
# then `best = v`): the annotation holds from the start (it was refused: `best` expects int but gets
# None, since functions are lowered before the module body).
from typing import Optional

cache: dict[str, list[int]] = {}
names: set[str] = set()
best: Optional[int] = None
hist: list[Optional[int]] = []
grid: list[list[int]] = [[0] * 3 for _ in range(2)]
pairs: list[tuple[str, int]] = []


def note(k: str, v: int) -> None:
    global best
    cache.setdefault(k, []).append(v)
    names.add(k)
    hist.append(v if v > 2 else None)
    pairs.append((k, v))
    grid[v % 2][v % 3] += v
    if best is None or v > best:
        best = v


for i, w in enumerate(["a", "b", "a", "c"]):
    note(w, i + 1)
print(cache, sorted(names), best, hist, grid, sorted(pairs, key=lambda p: -p[1]))
