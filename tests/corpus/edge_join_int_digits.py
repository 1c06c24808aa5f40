# corpus: edge: ", ".join([str(n) for n in ints]) (digits written straight into the text) and joins in loops keep CPython's results
def row(values: list[int]) -> str:
    return "[" + ", ".join([str(v) for v in values]) + "]"


def main() -> None:
    print(row([0, -1, 7, -9223372036854775807 - 1, 9223372036854775807]))
    print(row([]), row([5]))
    flags = [True, False]
    print("|".join([str(f) for f in flags]), "".join([str(i * i) for i in range(12) if i % 3]))
    rows = [row(list(range(i))) for i in range(6)]
    print(";".join(rows), len("\n".join(rows * 50)))
    nested = ", ".join([f"{i}:{'-'.join([str(j) for j in range(i)])}" for i in range(5)])
    print(nested)
    big = 2**62
    print(", ".join([str(big * k) for k in range(4)]))


if __name__ == "__main__":
    main()
