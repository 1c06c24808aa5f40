# corpus: edge: large dicts (hash index with tags) with deletions, re-insertions, misses, pops and order

def checksum(d: dict[str, int]) -> int:
    acc = 0
    for i, (k, v) in enumerate(d.items()):
        acc = (acc * 31 + len(k) * 7 + v + i) % 1000000007
    return acc


def main() -> None:
    d: dict[str, int] = {}
    for i in range(6000):
        d[f"key{i}" + "é" * (i % 3) + "x" * (i % 17)] = i
    print(len(d), checksum(d))
    # delete two thirds, then look every key up (hits and misses next to each other)
    removed = 0
    for i in range(0, 6000, 3):
        for j in (i, i + 1):
            k = f"key{j}" + "é" * (j % 3) + "x" * (j % 17)
            if k in d:
                del d[k]
                removed += 1
    found = 0
    missing = 0
    for i in range(7000):
        k = f"key{i}" + "é" * (i % 3) + "x" * (i % 17)
        if d.get(k, -1) >= 0:
            found += 1
        else:
            missing += 1
    print(removed, found, missing, len(d), checksum(d))
    # re-insert some removed keys (they go last), overwrite some kept ones (they stay put)
    for i in range(0, 3000, 3):
        d[f"key{i}" + "é" * (i % 3) + "x" * (i % 17)] = -i
        d[f"key{i + 2}" + "é" * ((i + 2) % 3) + "x" * ((i + 2) % 17)] = i * 10
    print(len(d), checksum(d), list(d)[:3], list(d)[-3:])
    # pop and popitem, then KeyError for a missing key
    print(d.pop("key2" + "éé" + "xx"), d.pop("nope", 99), d.popitem(), len(d))
    ints: dict[int, str] = {}
    for i in range(0, 50000, 7):
        ints[i * 1000003 % 65536] = str(i)
    for i in range(0, 50000, 21):
        ints.pop(i * 1000003 % 65536, "")
    hits = sum(1 for i in range(70000) if i in ints)
    print(len(ints), hits, list(ints.items())[:2], list(ints.items())[-2:])
    e: dict[str, int] = {}
    for i in range(20):
        e[str(i)] = i
        if i % 2:
            del e[str(i - 1)]
    print(e, "5" in e, "4" in e)
    try:
        print(d["key1éx"])
    except KeyError as err:
        print("KeyError", err)


if __name__ == "__main__":
    main()
