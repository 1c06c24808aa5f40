# corpus: algo: longest increasing subsequence O(n^2) with parents, Kadane max subarray
def lis(xs: list[int]) -> list[int]:
    if not xs:
        return []
    n = len(xs)
    length = [1] * n
    parent = [-1] * n
    for i in range(n):
        for j in range(i):
            if xs[j] < xs[i] and length[j] + 1 > length[i]:
                length[i] = length[j] + 1
                parent[i] = j
    end = max(range(n), key=lambda k: length[k])
    seq: list[int] = []
    while end != -1:
        seq.append(xs[end])
        end = parent[end]
    return seq[::-1]


def kadane(xs: list[int]) -> tuple[int, int, int]:
    best, best_l, best_r = xs[0], 0, 0
    cur, cur_l = xs[0], 0
    for i in range(1, len(xs)):
        if cur < 0:
            cur, cur_l = xs[i], i
        else:
            cur += xs[i]
        if cur > best:
            best, best_l, best_r = cur, cur_l, i
    return best, best_l, best_r


def main() -> None:
    samples = [
        [10, 9, 2, 5, 3, 7, 101, 18],
        [0, 1, 0, 3, 2, 3],
        [-2, 1, -3, 4, -1, 2, 1, -5, 4],
        [5, 4, 3, 2, 1],
        [-3, -1, -2],
    ]
    for s in samples:
        total, l, r = kadane(s)
        print(f"{s}")
        print(f"  LIS={lis(s)} max-subarray={total} at [{l}:{r + 1}] -> {s[l:r + 1]}")
    print("empty LIS:", lis([]))


if __name__ == "__main__":
    main()
