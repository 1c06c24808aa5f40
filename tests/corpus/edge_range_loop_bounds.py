# corpus: edge: range loops indexing lists at j + c, in bounds, wrapping negative, past the end
def shift(xs: list[int], lo: int, hi: int, c: int) -> list[int]:
    out = [0] * len(xs)
    for j in range(lo, hi):
        out[j] = xs[j - 1] + xs[j + 1] * c   # -1 wraps when j == 0; IndexError past the end
    return out


def dp(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if ca == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            elif prev[j] >= cur[j - 1]:
                cur[j] = prev[j]
            else:
                cur[j] = cur[j - 1]
        prev = cur
    return prev[len(b)]


def early(xs: list[int], limit: int) -> tuple[int, int]:
    total = 0
    j = -7
    for j in range(2, len(xs)):
        if xs[j - 2] > limit:
            break
        if xs[j] % 2 == 0:
            continue
        total += xs[j - 1] + (j - 1)
    return total, j


def pairs(ps: list[tuple[int, float]], n: int) -> float:
    s = 0.0
    for j in range(n):
        s += ps[j][1] * ps[j + 1][0]
    return s


def main() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    print(shift(xs, 1, 7, 2), shift(xs, 0, 7, 1), shift(xs, -3, 0, 1))
    for lo, hi in ((1, 9), (5, 5), (7, 2), (6, 8)):
        try:
            print(lo, hi, shift(xs, lo, hi, 3))
        except IndexError as e:
            print(lo, hi, "IndexError:", e)
    big = 2**63 - 1
    try:
        print(shift(xs, big - 2, big, 1))
    except IndexError as e:
        print("big:", e)
    print(dp("ACGTTGCA", "GATTACA"), dp("", "ABC"), dp("ABC", ""), dp("ÄÖÜ", "ÜÄ"))
    print(early([1, 2, 3, 4, 5, 6, 7], 4), early([9, 9], 0), early([1, 2, 3, 5, 7, 11], 100))
    ps = [(1, 0.5), (2, 1.5), (3, 2.5)]
    print(pairs(ps, 2), pairs(ps, 0))
    try:
        print(pairs(ps, 3))
    except IndexError as e:
        print("pairs:", e)
    grid = [0] * 5
    j = 0
    for j in range(1, 5):
        grid[j] = grid[j - 1] + j
    for j in range(-5, 0):
        grid[j] += grid[j + 4] if j + 4 < 5 else 0
    print(grid, j)
    print(shift(xs, 1, 8, 1))


if __name__ == "__main__":
    main()
