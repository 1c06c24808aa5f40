# corpus: edge: range loops reading s[j + c] of str locals unchecked when in bounds, and if/elif/else stores to one list item as one store
def lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if ca == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            elif prev[j] >= cur[j - 1]:
                cur[j] = prev[j]
            else:
                cur[j] = cur[j - 1]
        prev = cur
    return prev[len(b)]


def matches(s: str, t: str, lo: int, hi: int, c: int) -> list[bool]:
    out = [False] * (hi + 2)
    for j in range(lo, hi):
        if s[j + c] == t[j]:  # IndexError past either end; s[-1] when j + c == -1
            out[j] = True
        else:
            out[j] = s[j] == "x"
    return out


def safe_div(xs: list[int], ds: list[int], n: int) -> list[float]:
    out = [0.0] * n
    for j in range(n):
        if ds[j] == 0:
            out[j] = -1.0
        elif xs[j] // ds[j] > 2:  # ZeroDivisionError never: the first test guards it
            out[j] = xs[j] / ds[j]
        else:
            out[j] = 0.5
    return out


def cond_raises(xs: list[int], d: int) -> list[int]:
    out = [0] * len(xs)
    for j in range(len(xs)):
        if xs[j] > 3:
            out[j] = 1
        elif xs[j] // d > 0:  # ZeroDivisionError at this line when reached with d == 0
            out[j] = 2
        else:
            out[j] = 3
    return out


def main() -> None:
    for n in (0, 1, 7, 8, 9, 15, 16, 17):
        a = "".join("ACGT"[(i * 7 + 3) % 4] for i in range(n))
        b = "".join("ACGT"[(i * 5 + 1) % 4] for i in range(n + 2))
        print(n, lcs(a, b), lcs(b, a), lcs(a, ""), lcs("", b))
    print(lcs("ÄÖÜabc", "ÜÄbc"), lcs("naïve café", "naive cafe"), lcs("xyz", "é"))
    print(matches("abxdxf", "abcdef", 0, 6, 0), matches("zabxd", "abcd", 0, 4, 1))
    print(matches("abc", "cab", 0, 3, -1), matches("ñaéb", "ñaxb", 0, 4, 0), matches("", "", 0, 0, 0))
    for s, t, lo, hi, c in (("abc", "abc", 0, 4, 0), ("abc", "abcd", 1, 3, 1), ("ab", "ab", -3, 1, 0), ("ñab", "xab", 0, 4, 0)):
        try:
            print(matches(s, t, lo, hi, c))
        except IndexError as e:
            print(s, t, lo, hi, c, "IndexError:", e)
    print(safe_div([9, 8, 7, 6, 5], [3, 0, 2, 1, 0], 5), safe_div([], [], 0))
    try:
        print(safe_div([9, 8], [3, 0], 3))
    except IndexError as e:
        print("safe_div:", e)
    print(cond_raises([5, 1, 4, 0], 1), cond_raises([5, 6], 0))
    try:
        print(cond_raises([5, 2, 6], 0))
    except ZeroDivisionError as e:
        print("cond_raises:", e)


if __name__ == "__main__":
    main()
