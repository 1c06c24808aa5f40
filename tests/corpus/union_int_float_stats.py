records = [
    {"name": "a", "score": 3, "weight": 0.5},
    {"name": "b", "score": 4.5, "weight": 2},
    {"name": "c", "score": 7, "weight": 1},
]


def weighted(score: int | float, weight: int | float) -> int | float:
    return score * weight


def main() -> None:
    total: int | float = 0
    wsum: int | float = 0
    for r in records:
        s = r["score"]
        w = r["weight"]
        if isinstance(s, str):
            continue
        if isinstance(w, str):
            continue
        print(r["name"], s, w, weighted(s, w), s // 2, s % 2, -s, abs(-s))
        total = total + weighted(s, w)
        wsum += w
    print("total", total, "wsum", wsum)
    mean = total / wsum
    print(f"mean {mean:.4f} {mean!r} {round(mean, 2)}")
    x: int | float = 10
    print(x / 4, x // 4, x % 4, x ** 2, x ** -2, 2 ** x)
    x = 3.0
    print(x / 4, x // 4, x % 4, x ** 2, int(x), float(x))
    for d in [0, 0.0]:
        try:
            print(x / d)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            print(7 // d)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            print(7 % d)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)


main()
