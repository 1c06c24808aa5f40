# corpus: edge: counting in dicts (d[k] = d.get(k, 0) + x and d[k] += x) up to and past the 64-bit range, with str, int and tuple keys, new and existing keys, and a KeyError for a missing key


def main() -> None:
    counts: dict[str, int] = {"a": 9223372036854775000, "b": -9223372036854775000}
    for i in range(4):
        counts["a"] = counts.get("a", 0) + 300
        counts["b"] = counts.get("b", 0) - 300
        counts["n" + str(i)] = counts.get("n" + str(i), 9223372036854775807) + i
    print(counts)
    by_int: dict[int, int] = {}
    for k in [1, 2, 1, 3, 1]:
        by_int[k] = by_int.get(k, 4611686018427387904) + 4611686018427387904
    print(by_int)
    pairs: dict[tuple[str, str], int] = {}
    for w in ["x", "y", "x", "x"]:
        key = (w, w + w)
        pairs[key] = pairs.get(key, 0) + 1
    print(pairs)
    missing: dict[str, int] = {"x": 1}
    try:
        missing["x"] += 1
        missing["y"] += 1
    except KeyError as e:
        print("KeyError", e, missing)


if __name__ == "__main__":
    main()
