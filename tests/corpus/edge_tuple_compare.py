# corpus: edge: lexicographic comparison of tuples, lists and strings, chained comparisons, min/max on tuples
def main() -> None:
    print((1, 2, 3) < (1, 2, 4), (1, 2, 3) < (1, 3, 0), (2, 0, 0) > (1, 9, 9))
    print((1, "b") < (1, "c"), ("a", 5) < ("b", 0), (1, 2) == (1, 2), (1, 2) != (2, 1))
    print([1, 2] < [1, 2, 0], [1, 3] > [1, 2, 9], [] < [0], [0] > [])
    print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "Zebra" < "apple")
    print("apple" < "apple pie", "10" < "9", "a" * 3 == "aaa")
    pts: list[tuple[int, int]] = [(3, 1), (1, 5), (3, 0), (1, 2), (2, 2)]
    print("sorted:", sorted(pts))
    print("min/max:", min(pts), max(pts))
    print("max by second:", max(pts, key=lambda p: p[1]))
    x = 5
    print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 0 <= x < 5, x == 5 != 6)
    a, b, c = 3, 3, 4
    print(a == b < c, a < b < c, a <= b <= c)
    words = [("pear", 3), ("fig", 3), ("apple", 1)]
    print(sorted(words, key=lambda w: (w[1], w[0])))
    print(max([[1, 2], [1, 10], [0, 99]]), min(["b", "a", "c"]))
    nested: list[tuple[tuple[int, int], str]] = [((1, 2), "x"), ((1, 1), "y"), ((0, 9), "z")]
    print(sorted(nested))
    print((1, (2, 3)) < (1, (2, 4)))


if __name__ == "__main__":
    main()

# the empty tuple is not None
empty = ()
print(empty, len(empty), repr(empty), str(empty), f"{empty}", [()], ((), ()), empty == ())
nested = ((), 1)
print(nested, nested[0], bool(empty), not empty)
