# corpus: algo: bubble sort, cocktail sort and is_sorted with NO annotations (types inferred from call sites)
def bubble_sort(xs):
    n = len(xs)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return swaps


def cocktail_sort(xs):
    lo = 0
    hi = len(xs) - 1
    passes = 0
    while lo < hi:
        passes += 1
        for j in range(lo, hi):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
        hi -= 1
        for j in range(hi, lo, -1):
            if xs[j - 1] > xs[j]:
                xs[j - 1], xs[j] = xs[j], xs[j - 1]
        lo += 1
    return passes


def is_sorted(xs):
    return all(xs[i] <= xs[i + 1] for i in range(len(xs) - 1))


def main():
    data = [64, 34, 25, 12, 22, 11, 90, 5]
    work = data.copy()
    swaps = bubble_sort(work)
    print("bubble:", work, "swaps:", swaps, "sorted:", is_sorted(work))
    already = [1, 2, 3, 4, 5]
    print("already sorted swaps:", bubble_sort(already))
    work2 = data.copy()
    print("cocktail passes:", cocktail_sort(work2), work2)
    print("input still unsorted:", is_sorted(data), data)
    backwards = list(range(12, 0, -1))
    print("backwards swaps:", bubble_sort(backwards), backwards)
    print("empty:", bubble_sort([0][:0]), is_sorted([7]))


if __name__ == "__main__":
    main()
