# corpus: strings: str.zfill of short ASCII texts in words, signs, widths around 7/8/9/14/15/16, non-ASCII and long texts


def main() -> None:
    texts = ["", "-", "+", "0", "7", "-7", "+7", "42", "-42", "abc", "-abc", "+-1", "--1", "1-",
             "1234567", "-1234567", "12345678", "123456789", "1234567890123", "12345678901234",
             "é", "-é", "日本", "x" * 15, "-" + "9" * 16, " 5", "5 ", "\t-3"]
    widths = [-5, 0, 1, 2, 3, 6, 7, 8, 9, 13, 14, 15, 16, 17, 20]
    for t in texts:
        row: list[str] = []
        for w in widths:
            z = t.zfill(w)
            row.append(z)
            assert len(z) == max(len(t), w)
        print(repr(t), row)
    x = 5
    total = 0
    for i in range(2000):
        x = (x * 1103515245 + 12345) % 2147483648
        s = str(x % 250000 - 125000).zfill(7)
        total += len(s) + int(s)
        if i % 400 == 0:
            print(s, "SKU-" + str(x % 250000).zfill(6))
    print(total)


if __name__ == "__main__":
    main()
