# kernel: nested-loop matrix multiply on list[list[float]]


def make_matrix(n: int, seed: int) -> list[list[float]]:
    m: list[list[float]] = []
    x = seed
    for i in range(n):
        row: list[float] = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append(x / 2147483648.0 - 0.5)
        m.append(row)
    return m


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n = len(a)
    c: list[list[float]] = []
    for i in range(n):
        row: list[float] = [0.0] * n
        ai = a[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                row[j] += aik * bk[j]
        c.append(row)
    return c


def main() -> None:
    n = 480
    a = make_matrix(n, 1)
    b = make_matrix(n, 2)
    c = matmul(a, b)
    trace = 0.0
    total = 0.0
    for i in range(n):
        trace += c[i][i]
        for j in range(n):
            total += c[i][j]
    print(f"matmul {n}x{n}: trace={trace:.6f} sum={total:.6f}")


if __name__ == "__main__":
    main()
