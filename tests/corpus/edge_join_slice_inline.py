# corpus: strings: sep.join(xs[i:j]) with literal separators of 0, 1 and 3 bytes, in and out of range, strided, non-ASCII


def pieces(n: int) -> list[str]:
    out: list[str] = []
    for i in range(n):
        out.append("w" * (i % 9) + str(i))
    return out


def main() -> None:
    ws = ["", "a", "bcdefgh", "ijklmnop", "qrstuvwxy", "é", "日本語", "z" * 15, "y" * 16, "x" * 17]
    for i in range(len(ws)):
        for j in range(i, len(ws) + 2):
            a = " ".join(ws[i:j])
            b = "".join(ws[i:j])
            c = " - ".join(ws[i:j])
            print(i, j, len(a), repr(a), len(b), len(c), c == " - ".join(list(ws[i:j])))
    print(repr(",".join(ws[-3:])), repr(",".join(ws[5:2])), repr(",".join(ws[-100:2])))
    print(repr("|".join(ws[::3])), repr("|".join(ws[8:1:-2])), repr("|".join(ws[1:100:4])))
    empty: list[str] = []
    print(repr(" ".join(empty[0:0])), repr(" ".join(empty[0:5])))
    ps = pieces(30)
    total = 0
    for i in range(len(ps) - 2):
        key = " ".join(ps[i:i + 3])
        total += len(key)
        if i % 7 == 0:
            print(key)
    print(total)
    try:
        print(" ".join(ws[0:4:0]))
    except ValueError as e:
        print("ValueError", e)


if __name__ == "__main__":
    main()
