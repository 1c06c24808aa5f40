# xs += ys is xs = xs.__iadd__(ys): the list read before the right side is extended and stored
# back into the target (a module variable, a field, an item), even if the right side rebound it
from dataclasses import dataclass

log: list[int] = [1]
calls: list[str] = []


class Box:
    def __init__(self) -> None:
        self.items: list[int] = [1]


box = Box()
table: dict[str, list[int]] = {"k": [1]}
grid: list[list[int]] = [[1], [2]]


@dataclass(frozen=True)
class Frozen:
    vals: list[int]


def rebind() -> list[int]:
    global log
    log = [7]
    box.items = [7]
    table["k"] = [7]
    grid[0] = [7]
    calls.append("rebind")
    return [8]


def key(k: str) -> str:
    calls.append("key " + k)
    return k


def main() -> None:
    global log
    log += rebind()
    print(log)
    box.items += rebind()
    print(box.items)
    table[key("k")] += rebind()
    print(table)
    grid[0] += rebind()
    grid[1] *= 2
    print(grid, calls)
    f = Frozen([1])
    try:
        f.vals += [2]
    except Exception as e:
        print(type(e).__name__, e)
    print(f)


if __name__ == "__main__":
    main()
