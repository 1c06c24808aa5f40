# corpus: algo: recursive quicksort with list comprehensions and in-place Lomuto partition
def quicksort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs[:]
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    greater = [x for x in xs if x > pivot]
    return quicksort(less) + equal + quicksort(greater)


def partition(xs: list[int], lo: int, hi: int) -> int:
    pivot = xs[hi]
    i = lo
    for j in range(lo, hi):
        if xs[j] <= pivot:
            xs[i], xs[j] = xs[j], xs[i]
            i += 1
    xs[i], xs[hi] = xs[hi], xs[i]
    return i


def quicksort_inplace(xs: list[int], lo: int, hi: int) -> None:
    if lo < hi:
        p = partition(xs, lo, hi)
        quicksort_inplace(xs, lo, p - 1)
        quicksort_inplace(xs, p + 1, hi)


def main() -> None:
    data: list[int] = [33, 10, 55, 71, 29, 3, 18, 42, 10, -5, 0, 99, 64]
    print("input:   ", data)
    result = quicksort(data)
    print("sorted:  ", result)
    print("original untouched:", data)
    copy = data.copy()
    quicksort_inplace(copy, 0, len(copy) - 1)
    print("in-place:", copy)
    print("same result:", copy == result)
    print("matches sorted():", result == sorted(data))
    for size in [0, 1, 2, 5]:
        part = data[:size]
        print(f"size {size}: {quicksort(part)}")
    words_len = [len(w) for w in "the quick brown fox jumps over the lazy dog".split()]
    print("word lengths sorted:", quicksort(words_len))


if __name__ == "__main__":
    main()
