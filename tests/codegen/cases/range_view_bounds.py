def smooth(xs: list[int]) -> list[int]:
    out = [0] * len(xs)
    for j in range(1, len(xs) - 1):
        out[j] = xs[j - 1] + xs[j] + xs[j + 1]
    return out


def doubling(xs: list[int], n: int) -> list[int]:
    for j in range(1, n):
        xs[j] = xs[j - 1] * 2
    return xs


print(smooth([1, 2, 3, 4, 5]), smooth([7]), doubling([1, 0, 0], 3))
try:
    print(doubling([1, 2, 3], 4))
except IndexError as e:
    print("IndexError:", e)
