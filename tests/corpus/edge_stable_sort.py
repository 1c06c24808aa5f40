# corpus: edge: sort stability with key and reverse=True, multi-pass sorts, list.sort vs sorted, case ordering
RECORDS: list[tuple[str, int]] = [
    ("dave", 3), ("amy", 1), ("carl", 3), ("bea", 2), ("eve", 1), ("fred", 2), ("gil", 3),
]


def main() -> None:
    print("by score asc:  ", sorted(RECORDS, key=lambda r: r[1]))
    print("by score desc: ", sorted(RECORDS, key=lambda r: r[1], reverse=True))
    print("reversed(asc): ", list(reversed(sorted(RECORDS, key=lambda r: r[1]))))
    two_pass = sorted(RECORDS, key=lambda r: r[0])
    two_pass.sort(key=lambda r: r[1], reverse=True)
    print("name then score desc:", [r[0] for r in two_pass])
    words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Cherry"]
    print(sorted(words))
    print(sorted(words, key=lambda w: w.lower()))
    print(sorted(words, key=lambda w: len(w)))
    print(sorted(words, key=lambda w: len(w), reverse=True))
    nums = [3, -1, 4, -1, 5, -9, 2, 6, -5, 3]
    print(sorted(nums, key=lambda n: abs(n)))
    print(sorted(nums, key=lambda n: n % 3))
    floats = [2.5, -0.0, 0.0, -1.5, 1e-9, -1e9]
    print(sorted(floats), sorted(floats, reverse=True))
    nums.sort()
    print("in place:", nums)
    nums.reverse()
    print("reversed:", nums)
    print(sorted("hello world"), sorted([[2, 1], [1, 9], [1, 2, 3], [1]]))


if __name__ == "__main__":
    main()
