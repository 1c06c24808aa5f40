counts: dict[bool | int | float | str, int] = {}
for k in [1, 1.0, 2, 2.5, "2", 2.0, 3, True]:
    if k in counts:
        counts[k] += 1
    else:
        counts[k] = 1
print(counts)
print(counts[1], counts[2.0], counts["2"], len(counts))
lookup = {1: "one", 2.5: "two and a half", "x": "ex"}
print(lookup[1.0], lookup[2.5], lookup.get(3, "none"))
print(1 in lookup, 2.5 in lookup, "y" in lookup)
