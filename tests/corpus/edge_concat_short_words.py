# corpus: strings: a + b of short texts in words: literal and inline left sides, lengths 0-17, non-ASCII, aliasing


def grow(s: str, n: int) -> str:
    for i in range(n):
        s = s + str(i % 10)
    return s


def main() -> None:
    parts = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklm", "abcdefghijklmn",
             "abcdefghijklmno", "é", "日本語", "x" * 16, "y" * 17]
    for a in parts:
        row: list[int] = []
        for b in parts:
            c = a + b
            assert c == "".join([a, b]) and c[:len(a)] == a and c[len(a):] == b
            row.append(len(c))
        print(repr(a), row)
    for n in range(0, 16):
        print(repr("" + str(n)), repr("SKU-" + str(n * 7919).zfill(6)), repr("lit12345678" + str(n)))
        print(repr("é" + str(n)), repr("seven77" + "x" * n), repr("eight888" + "y" * n))
    s = "ab"
    s = s + s
    s = s + s
    print(s, len(s))
    t = grow("", 20)
    print(t, len(t), grow("k", 13), grow("k", 14))
    total = 0
    x = 5
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        k = "SKU-" + str(x % 250000).zfill(6)
        total += len(k) + (1 if k < "SKU-125000" else 0)
    print(total)


if __name__ == "__main__":
    main()
