# corpus: edge: loops that index lists of numbers (views), with aliases, lambdas and errors
SHARED: list[int] = [0, 0, 0]


def aliases(n: int) -> list[int]:
    a = [0] * n
    b = a
    for i in range(n):
        a[i] = i
        b[-1 - i] += 10 * i
    return a


def grows(n: int) -> list[int]:
    xs = [1, 2]
    ys = xs
    i = 0
    while i < n:
        ys.append(xs[i] + xs[i + 1])
        i += 1
    return xs


def nested(n: int) -> int:
    grid = [[0] * n for _ in range(n)]
    row = grid[0]
    for i in range(n):
        grid[0][i] = i + 1
        row[i] = row[i] * 2
    return sum(grid[0]) + sum(row)


def shadow(words: list[int]) -> list[int]:
    keys = [3, 1, 2]
    out: list[int] = []
    for i in range(len(keys)):
        keys[i] = keys[i] * 2
        out = sorted(words, key=lambda keys: -keys)
    return keys + out


def globals_too(n: int) -> int:
    local = [5] * 3
    for i in range(n):
        SHARED[i % 3] += local[i % 3]
    return SHARED[0] + SHARED[1] + SHARED[2]


def errors(xs: list[float]) -> str:
    caught = 0
    for i in range(-4, 5):
        try:
            xs[i] = xs[i] * 2.0
        except IndexError:
            caught += 1
    xs.append(0.5)
    return f"{xs} {caught}"


def escaped(xs: list[bool]) -> int:
    try:
        for i in range(10):
            xs[i] = not xs[i]
    except IndexError:
        pass
    xs.append(True)
    return len(xs)


print(aliases(5))
print(grows(4))
print(nested(4))
print(shadow([4, 9, 1]))
print(globals_too(7), SHARED)
print(errors([1.0, 2.5, -3.0]))
print(escaped([True, False, True]))
