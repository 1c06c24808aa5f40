# corpus: algo: insertion sort and selection sort with step tracing, unannotated locals
def insertion_sort(xs: list[int]) -> int:
    shifts = 0
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
            shifts += 1
        xs[j + 1] = key
        print(f"  pass {i}: {xs}")
    return shifts


def selection_sort(xs: list[int]) -> int:
    swaps = 0
    n = len(xs)
    for i in range(n - 1):
        smallest = i
        for j in range(i + 1, n):
            if xs[j] < xs[smallest]:
                smallest = j
        if smallest != i:
            xs[i], xs[smallest] = xs[smallest], xs[i]
            swaps += 1
    return swaps


def main() -> None:
    a = [9, 4, 7, 1, 8, 2]
    print("insertion sort of", a)
    shifts = insertion_sort(a)
    print("result", a, "shifts", shifts)
    b = [5, 5, 3, 9, 1, 0, 12, 7]
    swaps = selection_sort(b)
    print("selection sort:", b, "swaps:", swaps)
    c = list(range(10, 0, -1))
    print("reverse input swaps:", selection_sort(c), c)


if __name__ == "__main__":
    main()
