# kernel: sort generated ints with key= (and a tuple key), checksum the order


def generate(n: int) -> list[int]:
    out: list[int] = []
    x = 42
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000000)
    return out


def digit_sum(v: int) -> int:
    s = 0
    while v > 0:
        s += v % 10
        v = v // 10
    return s


def main() -> None:
    data = generate(1300000)
    by_mod = sorted(data, key=lambda v: v % 1000)
    by_digits = sorted(data, key=lambda v: (digit_sum(v), v))
    check = 0
    for i in range(len(data)):
        check = (check * 31 + by_mod[i] + 7 * by_digits[i]) % 1000000007
    print(f"sorted {len(data)}: first {by_mod[:3]} {by_digits[:3]} checksum {check}")


if __name__ == "__main__":
    main()
