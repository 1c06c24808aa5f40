# corpus: algo: merge sort on strings and ints, merge counting inversions
def merge_sort(xs: list[str]) -> list[str]:
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out: list[str] = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def count_inversions(xs: list[int]) -> tuple[list[int], int]:
    if len(xs) <= 1:
        return xs, 0
    mid = len(xs) // 2
    left, a = count_inversions(xs[:mid])
    right, b = count_inversions(xs[mid:])
    merged: list[int] = []
    inv = a + b
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inv += len(left) - i
            j += 1
    merged += left[i:]
    merged += right[j:]
    return merged, inv


def main() -> None:
    names = ["pear", "apple", "fig", "banana", "cherry", "Apple", "date", "elderberry"]
    print(merge_sort(names))
    print(merge_sort([]))
    print(merge_sort(["solo"]))
    for seq in [[1, 2, 3, 4], [4, 3, 2, 1], [2, 4, 1, 3, 5], [5, 1, 4, 2, 3, 9, 0]]:
        s, n = count_inversions(seq)
        print(f"{str(seq):<24} sorted={s} inversions={n}")


if __name__ == "__main__":
    main()
