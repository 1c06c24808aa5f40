# corpus: algo: two-sum with dict, prefix sums, sliding window, subarray-sum-equals-k
def two_sum(xs: list[int], target: int) -> tuple[int, int]:
    seen: dict[int, int] = {}
    for i, x in enumerate(xs):
        if target - x in seen:
            return seen[target - x], i
        seen[x] = i
    return -1, -1


def prefix_sums(xs: list[int]) -> list[int]:
    out = [0]
    for x in xs:
        out.append(out[-1] + x)
    return out


def count_subarrays(xs: list[int], k: int) -> int:
    counts: dict[int, int] = {0: 1}
    running = 0
    total = 0
    for x in xs:
        running += x
        total += counts.get(running - k, 0)
        counts[running] = counts.get(running, 0) + 1
    return total


def max_window(xs: list[int], w: int) -> int:
    cur = sum(xs[:w])
    best = cur
    for i in range(w, len(xs)):
        cur += xs[i] - xs[i - w]
        best = max(best, cur)
    return best


def main() -> None:
    xs = [2, 7, 11, 15, -3, 4, 1, 1, 6]
    for t in [9, 18, 12, 100, 2]:
        print(f"two_sum target {t}: {two_sum(xs, t)}")
    ps = prefix_sums(xs)
    print("prefix:", ps)
    print("sum xs[2:6] =", ps[6] - ps[2])
    print("subarrays summing to 8:", count_subarrays(xs, 8))
    for w in [1, 2, 3, 5]:
        print(f"best window of {w}: {max_window(xs, w)}")


if __name__ == "__main__":
    main()
