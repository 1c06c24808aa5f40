# corpus: edge: dicts grown past their small size through several index rebuilds while keys are removed, re-added and counted (str, int and tuple keys), checked for order, membership and values against a list of pairs


def check(d: dict[str, int], ref: list[tuple[str, int]], where: int) -> None:
    if list(d.items()) != ref:
        print("mismatch at", where, len(d), len(ref))


def main() -> None:
    d: dict[str, int] = {}
    ref: list[tuple[str, int]] = []
    x = 7
    for step in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        k = "k" + str((x // 65536) % 300)
        if x % 5 == 0:
            if k in d:
                del d[k]
                ref = [(a, b) for (a, b) in ref if a != k]
        else:
            d[k] = d.get(k, 0) + 1
            found = False
            for i in range(len(ref)):
                if ref[i][0] == k:
                    ref[i] = (k, ref[i][1] + 1)
                    found = True
                    break
            if not found:
                ref.append((k, 1))
        if step % 500 == 0:
            check(d, ref, step)
    check(d, ref, -1)
    print(len(d), list(d.items())[:4], list(d.items())[-2:], "k1" in d, "nope" in d)
    ints: dict[int, int] = {}
    for i in range(3000):
        ints[i * 7919 % 1009] = i
        if i % 3 == 0:
            ints.pop((i * 31) % 1009, -1)
    print(len(ints), list(ints.items())[:3], sum(ints.values()))
    tup: dict[tuple[str, str], int] = {}
    names = ["a", "bb", "ccc", "dddd", "é", "ff", "gg"]
    for i in range(2000):
        key = (names[i % 7], names[(i * 3) % 7] + str(i % 11))
        tup[key] = tup.get(key, 0) + 1
        if i % 13 == 0:
            tup.pop((names[(i + 1) % 7], names[(i * 3 + 3) % 7] + str((i + 1) % 11)), 0)
    print(len(tup), list(tup.items())[:3], max(tup.values()), ("a", "a0") in tup)
    cleared: dict[str, int] = {str(i): i for i in range(100)}
    cleared.clear()
    for i in range(20):
        cleared[str(i * 3)] = i
    print(list(cleared.keys())[:5], len(cleared), cleared.get("57", -1), cleared.get("58", -1))


if __name__ == "__main__":
    main()
