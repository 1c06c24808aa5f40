# corpus: data: bucketed histogram of ages, horizontal bar chart, cumulative counts, module-level
AGES = [23, 35, 41, 19, 67, 52, 38, 29, 31, 45, 58, 62, 71, 18, 26, 33, 39, 44, 50, 55, 24, 36, 88, 15, 47]
WIDTH = 10

buckets: dict[int, int] = {}
for age in AGES:
    b = age // WIDTH * WIDTH
    buckets[b] = buckets.get(b, 0) + 1

print(f"{len(AGES)} people, ages {min(AGES)}-{max(AGES)}, mean {sum(AGES) / len(AGES):.2f}")
running = 0
for b in range(min(buckets), max(buckets) + WIDTH, WIDTH):
    count = buckets.get(b, 0)
    running += count
    pct = 100 * running / len(AGES)
    print(f"{b:>3}-{b + WIDTH - 1:<3} | {'#' * count:<8} {count:>2}  cum {running:>2} ({pct:5.1f}%)")
peak = max(buckets, key=lambda k: (buckets[k], -k))
print(f"peak bucket: {peak}s with {buckets[peak]}")
adults = [a for a in AGES if a >= 18]
seniors = [a for a in AGES if a >= 65]
print("adults:", len(adults), "seniors:", sorted(seniors, reverse=True))
print("sorted buckets:", sorted(buckets.items()))
