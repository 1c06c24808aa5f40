# corpus: edge: integer results beyond 64 bits from ** and repeated multiplication, str/len of big ints
def power_table(base: int, exps: list[int]) -> list[int]:
    return [base ** e for e in exps]


def digit_count(n: int) -> int:
    return len(str(abs(n)))


def main() -> None:
    print(2 ** 63 - 1)
    print(2 ** 63)
    print(2 ** 64)
    print(2 ** 100)
    print(-(2 ** 127))
    for v in power_table(3, [10, 20, 40, 41, 80]):
        print(f"{v} has {digit_count(v)} digits")
    big = 1
    for i in range(1, 26):
        big *= 7
    print("7**25 =", big, "==", 7 ** 25, big == 7 ** 25)
    print("2**100 // 3**20 =", 2 ** 100 // 3 ** 20)
    print("2**100 % 1000007 =", 2 ** 100 % 1000007)
    print("pow(2, 200) // 2**190 =", pow(2, 200) // 2 ** 190)
    print("digit sum of 2**1000:", sum(int(c) for c in str(2 ** 1000)))
    print(f"{2 ** 70:,}")
    print(f"{10 ** 20:>30}")
    print((2 ** 64) - (2 ** 64 - 1))


if __name__ == "__main__":
    main()
