# corpus: edge: recursion depth 500 (sum, list building, mutual recursion, string recursion); some helpers unannotated
def rsum(n: int) -> int:
    if n == 0:
        return 0
    return n + rsum(n - 1)


def depth_of(xs: list[int], i: int) -> int:
    if i >= len(xs):
        return 0
    return 1 + depth_of(xs, i + 1)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def rev(s: str) -> str:
    if len(s) <= 1:
        return s
    return rev(s[1:]) + s[0]


def build(n: int, acc: list[int]) -> list[int]:
    if n == 0:
        return acc
    acc.append(n * n % 97)
    return build(n - 1, acc)


def main() -> None:
    print("rsum(500) =", rsum(500), "formula:", 500 * 501 // 2)
    print("rsum(10) =", rsum(10))
    print("depth:", depth_of(list(range(500)), 0))
    print("is_even(400):", is_even(400), "is_odd(401):", is_odd(401), "is_even(7):", is_even(7))
    s = "abcdefghij" * 40
    print("rev length:", len(rev(s)), "rev prefix:", rev(s)[:12])
    built = build(500, [])
    print("built:", len(built), built[:8], sum(built))


if __name__ == "__main__":
    main()
