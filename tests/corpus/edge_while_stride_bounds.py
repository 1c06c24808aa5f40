# corpus: edge: while loops stepping an index j += i over lists and strs (in bounds, wrapping negative, past the end, empty, breaks)
def mark(n: int, size: int, start: int, step: int) -> list[bool]:
    flags = [True] * size
    j = start
    while j <= n:
        flags[j] = False  # IndexError past the end; negative j wraps
        j += step
    return flags


def window(xs: list[int], j: int, n: int, step: int) -> tuple[int, int]:
    total = 0
    while j < n:
        total += xs[j - 1] * 3 + xs[j + 1]
        if total > 1000:
            break
        j = j + step
    return total, j


def letters(s: str, j: int, n: int) -> str:
    out: list[str] = []
    count = 0
    while j < n:
        if s[j] == "a" or s[j + 1] == "é":
            count += 1
        j += 2
    out.append(str(count))
    return ",".join(out) + f" j={j}"


def sieve(n: int) -> int:
    is_prime = [True] * (n + 1)
    i = 2
    while i * i <= n:
        if is_prime[i]:
            j = i * i
            while j <= n:
                is_prime[j] = False
                j += i
        i += 1
    return sum(1 for k in range(2, n + 1) if is_prime[k])


def main() -> None:
    for n in (0, 1, 2, 7, 8, 9, 15, 16, 17, 100):
        print(n, sieve(n))
    print(mark(9, 10, 0, 3), mark(4, 5, 5, 1), mark(-1, 3, -3, 1))
    for n, size, start, step in ((12, 10, 0, 3), (3, 4, -6, 2), (9223372036854775804, 4, 1, 4), (9, 10, -10, 4)):
        try:
            print(mark(n, size, start, step))
        except IndexError as e:
            print(n, size, start, step, "IndexError:", e)
    xs = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    print(window(xs, 1, 9, 2), window(xs, 0, 3, 1), window(xs, 5, 2, 1), window(xs * 30, 1, 299, 1))
    try:
        print(window(xs, 1, 10, 1))
    except IndexError as e:
        print("window:", e)
    print(letters("abcabcaé", 0, 7), letters("", 0, 0), letters("xaxéaa", 0, 5), letters("ab", 1, 1))
    try:
        print(letters("aaaa", 0, 5))
    except IndexError as e:
        print("letters:", e)
    big = 9223372036854775806
    k = big - 4
    flags = [0] * 8
    while k < big:  # the last k plus the step would overflow: the usual loop, stopped first
        flags[k - big + 5] = 1
        k += 3
        if k > big - 3:
            break
    print(flags, k - big)


if __name__ == "__main__":
    main()
