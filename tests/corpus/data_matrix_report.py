# corpus: data: temperature grid (list of lists of floats), row/column stats, argmax, transpose via zip-free loops; some helpers unannotated
READINGS = [
    [12.5, 14.0, 17.25, 19.0, 16.5],
    [11.0, 13.5, 18.0, 21.5, 17.0],
    [9.75, 12.0, 15.5, 18.25, 14.0],
    [13.0, 15.25, 19.5, 22.0, 18.5],
]
CITIES = ["Oslo", "Bergen", "Tromso", "Stavanger"]
TIMES = ["06h", "09h", "12h", "15h", "18h"]


def column(grid, j):
    return [row[j] for row in grid]


def main() -> None:
    print(f"{'':<10}" + "".join(f"{t:>7}" for t in TIMES) + f"{'avg':>8}")
    for city, row in zip(CITIES, READINGS):
        print(f"{city:<10}" + "".join(f"{v:>7.2f}" for v in row) + f"{sum(row) / len(row):>8.2f}")
    avgs = [sum(column(READINGS, j)) / len(READINGS) for j in range(len(TIMES))]
    print(f"{'avg':<10}" + "".join(f"{a:>7.2f}" for a in avgs))
    best_i, best_j = 0, 0
    for i in range(len(READINGS)):
        for j in range(len(READINGS[i])):
            if READINGS[i][j] > READINGS[best_i][best_j]:
                best_i, best_j = i, j
    print(f"hottest: {CITIES[best_i]} at {TIMES[best_j]} ({READINGS[best_i][best_j]})")
    spreads = [(max(r) - min(r), c) for c, r in zip(CITIES, READINGS)]
    spreads.sort(reverse=True)
    print("daily spread:", spreads)
    warm = {c: [TIMES[j] for j, v in enumerate(r) if v >= 18.0] for c, r in zip(CITIES, READINGS)}
    print(warm)


if __name__ == "__main__":
    main()
