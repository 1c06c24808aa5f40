# kernel: dynamic programming, longest common subsequence of two generated strings


def gen(n: int, seed: int) -> str:
    letters = "ACGT"
    out: list[str] = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(letters[(x // 65536) % 4])
    return "".join(out)


def lcs(a: str, b: str) -> int:
    m = len(b)
    prev = [0] * (m + 1)
    for ca in a:
        cur = [0] * (m + 1)
        for j in range(1, m + 1):
            if ca == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            elif prev[j] >= cur[j - 1]:
                cur[j] = prev[j]
            else:
                cur[j] = cur[j - 1]
        prev = cur
    return prev[m]


def main() -> None:
    a = gen(7000, 7)
    b = gen(7000, 11)
    print(f"lcs length of two 7000-char strings: {lcs(a, b)}")


if __name__ == "__main__":
    main()
