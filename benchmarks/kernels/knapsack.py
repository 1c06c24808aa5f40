# kernel: dynamic programming, 0/1 knapsack over generated items (1-D table)


def main() -> None:
    weights: list[int] = []
    values: list[int] = []
    x = 99
    for _ in range(4000):
        x = (x * 1103515245 + 12345) % 2147483648
        weights.append(1 + x % 97)
        values.append(1 + (x // 128) % 500)
    cap = 12000
    best = [0] * (cap + 1)
    for i in range(len(weights)):
        w = weights[i]
        v = values[i]
        c = cap
        while c >= w:
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
            c -= 1
    print(f"knapsack 4000 items cap {cap}: best value {best[cap]}")


if __name__ == "__main__":
    main()
