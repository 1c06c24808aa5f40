# corpus: edge: loops and comprehensions that make room for their items first (empty, reversed and huge ranges, early exits)


def grow(n: int, step: int) -> list[int]:
    out: list[int] = []
    for i in range(0, n, step):
        out.append(i)
        out.append(-i)
    return out


def until_bad(limit: int) -> list[int]:
    seen: list[int] = []
    try:
        for i in range(10**15):
            seen.append(i * i)
            if i == limit:
                raise ValueError(f"stop at {i}")
    except ValueError as e:
        print("caught", e, len(seen))
    seen.append(-1)
    return seen


def main() -> None:
    print(grow(0, 1), grow(5, 2), grow(-3, 1), len(grow(1000, 7)))
    print(until_bad(3), len(until_bad(0)))
    words = ["a", "bb", "ccc"]
    alias = words
    for w in ["dd", "eee"]:
        words.append(w.upper())
    print(alias, len(alias))
    rows: list[list[int]] = []
    flat: list[int] = []
    for r in range(4):
        row: list[int] = []
        for c in range(r, r + 3):
            row.append(c)
            flat.append(r * 10 + c)
        rows.append(row)
    print(rows, flat)
    pairs: list[tuple[int, str]] = []
    for k, v in enumerate(words):
        pairs.append((k, v))
    print(pairs)
    chars: list[str] = []
    for ch in "héllo wörld":
        chars.append(ch)
    print(chars, len(chars))
    counts = {"x": 1, "y": 2, "z": 3}
    keys: list[str] = []
    for key in counts:
        keys.append(key + key)
        counts[key] = 0
    print(keys, counts)
    squares = [i * i for i in range(-2, 9, 3)]
    back = [i for i in range(10, 0, -3)]
    evens = [i for i in range(20) if i % 2 == 0]
    grid = [(a, b) for a in range(3) for b in range(a)]
    print(squares, back, evens, grid)
    print([len(w) for w in words], [v for v in counts.values()], list(range(5)), sorted({3, 1, 2}))
    try:
        inv = [10 // (3 - i) for i in range(6)]
        print(inv)
    except ZeroDivisionError as e:
        print("comprehension stopped:", e)
    big = [0 for _ in range(100000)]
    big.append(1)
    print(len(big), sum(big))


if __name__ == "__main__":
    main()
