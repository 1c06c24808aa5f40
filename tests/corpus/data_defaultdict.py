# collections.defaultdict with builtin-type factories: a missing key read with `d[k]` is stored
# with the factory's value (`get`, `in`, `pop` and `del` do not); the repr names the factory;
# `dict(d)` is a plain dict, `d.copy()` a defaultdict; type names in messages are CPython's.
import collections
from collections import defaultdict
from collections import defaultdict as dd


class Vec:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: dict[str, int]) -> "Vec":
        return NotImplemented


def group(words: list[str]) -> dict[str, list[int]]:
    groups: defaultdict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        groups[w].append(i)
    return groups


def bump(d: dict[str, int], k: str) -> int:
    d[k] += 10  # a defaultdict passed as a dict keeps its factory
    return d[k + "!"]


TOTALS = dd(int)


def add(k: str) -> None:
    TOTALS[k] = TOTALS[k] + 1


def make() -> dict[str, int]:
    print("make")
    d: defaultdict[str, int] = defaultdict(int)
    return d


def main() -> None:
    words = "the cat and the hat and the bat".split()
    g = group(words)
    print(g)
    print(dict(g), g.copy(), type(g).__name__, type(dict(g)).__name__)
    counts = defaultdict(int)
    for w in words:
        counts[w] += 1
    print(sorted(counts.items()), counts)
    print(counts.get("zz"), "zz" in counts, len(counts))
    print(counts["zz"], "zz" in counts, len(counts))
    plain = dict(counts)
    try:
        print(plain["nope"])
    except KeyError as e:
        print("KeyError", e)
    print(counts == plain, f"{counts!r}", str(counts), "%s" % counts, "{}".format(counts))

    fl = defaultdict(float)
    fl["x"] += 1.5
    print(fl, fl["y"])
    s = defaultdict(str)
    s["a"] += "x"
    s["b"]
    print(s)
    sets = dd(set)
    sets[1].add(2)
    sets[1].add(2)
    print(sorted(sets[1]), len(sets[2]), list(sets))
    nested = defaultdict(dict)
    nested["k"]["j"] = 3
    print(nested)
    flags = defaultdict(bool)
    print(flags[0], flags)
    by_parity = dd(list)
    for i in range(5):
        by_parity[i % 2].append(i * 1.5)
    print(by_parity, [by_parity], (by_parity,))

    c = collections.defaultdict(int)
    print(bump(c, "a"), c)
    add("x")
    add("x")
    add("y")
    print(TOTALS)
    big = dd(int)
    big["k"] += 10 ** 18
    big["k"] += 10 ** 19  # past 64 bits: the big-int build's factory makes its own 0
    wide = dd(list)
    wide[2 ** 70].append(1)
    print(big, wide)
    print(isinstance(c, dict), c == {"a": 10, "a!": 0}, c != {})
    try:
        del c["zz"]
    except KeyError as e:
        print("del", repr(e))
    try:
        c.pop("zz")
    except KeyError as e:
        print("pop", repr(e))
    print(c.setdefault("q", 5), c.pop("q"), c)
    c.clear()
    print(c, c["new"], c)

    seen = dd(int)
    seen["a"] = 1
    try:
        for k in seen:
            print(k, seen[k + "b"])
    except RuntimeError as e:
        print("RuntimeError", e)
    m = dd(list)
    m["z"].extend([1, 2])
    n = m.copy()
    n["w"].append(3)
    print(m, n)
    u = dd(str)
    u.update({"a": "b"})
    print(u, u["c"] + "!", u)

    p: dict[str, int] = {}
    print(type(c).__name__, type(p).__name__, type(make()).__name__)
    for spec in ["", "x"]:
        try:
            print(f"{c:{spec}}|{p:{spec}}")
        except TypeError as e:
            print("TypeError", e)
    try:
        print(f"{make():>3}")
    except TypeError as e:
        print("TypeError", e)
    try:
        Vec(1) + c
    except TypeError as e:
        print("TypeError", e)
    try:
        Vec(1) + p
    except TypeError as e:
        print("TypeError", e)


if __name__ == "__main__":
    main()
