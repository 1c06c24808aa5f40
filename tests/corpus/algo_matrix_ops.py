# corpus: algo: matrix multiply/transpose/identity/power with lists of lists


def identity(n: int) -> list[list[int]]:
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[m[i][j] for i in range(len(m))] for j in range(len(m[0]))]


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    rows, inner, cols = len(a), len(b), len(b[0])
    out = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            total = 0
            for k in range(inner):
                total += a[i][k] * b[k][j]
            out[i][j] = total
    return out


def mat_pow(m: list[list[int]], p: int) -> list[list[int]]:
    result = identity(len(m))
    base = m
    while p > 0:
        if p % 2 == 1:
            result = multiply(result, base)
        base = multiply(base, base)
        p //= 2
    return result


def show(title: str, m: list[list[int]]) -> None:
    print(title)
    for row in m:
        print("  " + " ".join(f"{v:>6}" for v in row))


def main() -> None:
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    show("A", a)
    show("A^T", transpose(a))
    show("A x B", multiply(a, b))
    show("B x A", multiply(b, a))
    fibm = [[1, 1], [1, 0]]
    for p in [1, 5, 10, 30]:
        print(f"fib matrix ^{p}: {mat_pow(fibm, p)}")
    print("trace of I4:", sum(identity(4)[i][i] for i in range(4)))


if __name__ == "__main__":
    main()
