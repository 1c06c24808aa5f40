# corpus: algo: longest common subsequence DP over strings, reconstruct and print table
def lcs(a: str, b: str) -> str:
    m, n = len(a), len(b)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            if a[i] == b[j]:
                dp[i][j] = 1 + dp[i + 1][j + 1]
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
    out = []
    i, j = 0, 0
    while i < m and j < n:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


def main() -> None:
    pairs = [
        ("ABCBDAB", "BDCABA"),
        ("kitten", "sitting"),
        ("dynamic", "programming"),
        ("", "abc"),
        ("same", "same"),
        ("abc", "xyz"),
    ]
    for a, b in pairs:
        common = lcs(a, b)
        ratio = 2 * len(common) / (len(a) + len(b)) if a or b else 1.0
        print(f"{a!r:>14} {b!r:<14} lcs={common!r:<10} len={len(common)} sim={ratio:.3f}")


if __name__ == "__main__":
    main()
