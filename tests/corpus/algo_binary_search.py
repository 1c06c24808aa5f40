# corpus: algo: binary search, lower/upper bound, Optional return
from typing import Optional


def binary_search(xs: list[int], target: int) -> Optional[int]:
    lo = 0
    hi = len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return None


def lower_bound(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main() -> None:
    data = [1, 3, 3, 3, 5, 8, 13, 21, 34, 55]
    print("data:", data)
    for t in [1, 3, 4, 13, 55, 0, 100]:
        idx = binary_search(data, t)
        if idx is None:
            print(f"{t:>3}: not found, insert at {lower_bound(data, t)}")
        else:
            lo = lower_bound(data, t)
            hi = upper_bound(data, t)
            print(f"{t:>3}: found at {idx}, range [{lo}, {hi}) count={hi - lo}")
    print("empty:", binary_search([], 5))


if __name__ == "__main__":
    main()
