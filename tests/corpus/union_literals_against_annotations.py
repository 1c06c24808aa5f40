def scale(x: int | str = 2) -> int | str:
    return x * 3


def label(x: int | float) -> str:
    return f"[{x:8.2f}|{x!r:>6}|{x:>5}]"


xs: list[int | float] = [3, 1.5]
xs.append(2)
xs.sort()
print(xs, 2 in xs, 2.0 in xs, 7 in xs)
print(scale(), scale("ab"), scale(-1))
print(label(3), label(2.5))
v: int | float = 5
print(0 < v < 10, 0 < v < 3, v == 5.0)
pair: tuple[int | str, int] = ("a", 1)
print(pair, pair[0])
grid: list[list[object]] = [[1, "a"], [None, 2.5]]
grid[1].append(True)
print(grid, len(grid[1]))
s: int | str = "abc"
print(f"{s:>5}|{s!r}")
