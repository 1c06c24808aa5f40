# corpus: edge: str.zfill of short texts (signs, empty, non-ASCII, widths around the inline size)


def show(label: str, s: str) -> None:
    print(label, repr(s), len(s))


def main() -> None:
    samples = ["", "+", "-", "0", "7", "-7", "+7", "42", "-42", "abc", "-abc", "+-1", "--5",
               "é", "-é", "ß9", "12345678", "-1234567", "123456789012345", "-12345678901234",
               "1234567890123456", "x" * 21, "-" + "9" * 20, "🙂", "-🙂1"]
    for s in samples:
        row = []
        for w in [-3, 0, 1, 2, 5, 6, 8, 13, 14, 15, 16, 17, 22, 23, 24]:
            row.append(s.zfill(w))
        print(repr(s), "|".join(row))
    # str(n).zfill(k) as a key, the catalogue pattern
    seen: dict[str, int] = {}
    x = 12345
    for i in range(2000):
        x = (x * 1103515245 + 12345) % 2147483648
        k = "ID-" + str(x % 300000 - 150000).zfill(7)
        seen[k] = seen.get(k, 0) + 1
    keys = sorted(seen)
    print(len(seen), keys[:3], keys[-3:])
    for n in [0, 5, -5, 99999, -99999, 10**15, -(10**15), 9223372036854775807, -9223372036854775807 - 1]:
        for w in [1, 7, 14, 16, 21]:
            show(str(w), str(n).zfill(w))
    t = "-0"
    show("neg-zero", t.zfill(4))
    show("plus-only", "+".zfill(16))
    show("minus-only", "-".zfill(15))
    show("empty-16", "".zfill(16))
    show("empty-14", "".zfill(14))


if __name__ == "__main__":
    main()
