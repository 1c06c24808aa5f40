# corpus: edge: a lambda's str, tuple, list or dict parameter is read through a reference (sort keys, max/min keys, map/filter); an int parameter, nested lambdas, and a body whose comprehension rebinds the parameter's name keep CPython's results
def keyed(people: list[tuple[str, str, int, float]]) -> None:
    print(sorted(people, key=lambda p: (p[2], p[0], p[1])))
    print(sorted(people, key=lambda p: p[3], reverse=True))
    people.sort(key=lambda p: (p[0], -p[2]))
    print(people, max(people, key=lambda p: p[2]), min(people, key=lambda p: (p[1], p[3])))


def words(ws: list[str]) -> None:
    print(sorted(ws, key=lambda w: (len(w), w)), sorted(ws, key=lambda w: w[-1:]), max(ws, key=lambda w: len(w)))
    print(list(map(lambda s: s.upper() + s, ws)), list(filter(lambda s: len(s) > 1 and s < "c", ws)))
    print(sorted(ws, key=lambda w: sorted(ws, key=lambda w: -len(w)).index(w)))


def containers() -> None:
    ls = [[3, 1], [1], [2, 2, 2], []]
    print(sorted(ls, key=lambda l: len(l)), sorted(ls, key=lambda l: sum(l)), min(ls, key=lambda l: l[:1]))
    ds = [{"a": 2}, {"a": 1, "b": 5}]
    print(sorted(ds, key=lambda d: d["a"]), sorted(ds, key=lambda d: len(d)), max(ds, key=lambda d: sorted(d)))
    xs = [5, -3, 2, 9, -1]
    print(sorted(xs, key=lambda x: abs(x)), sorted(xs, key=lambda x: -x), sorted(xs, key=lambda x: str(x)))
    pairs = [(1, "b"), (1, "a"), (0, "c")]
    pairs.sort(key=lambda t: t)
    print(pairs, sorted(pairs, key=lambda t: t[1] * 2))


def shadowed() -> None:
    xs = [[3, 1], [2], [1, 1, 1]]
    print(sorted(xs, key=lambda p: [p * 2 for p in p]), sorted(xs, key=lambda p: sum(p for p in p)))
    ws = ["bb", "a", "ccc"]
    print(sorted(ws, key=lambda w: "".join(w for w in w)), max(ws, key=lambda w: [w for w in w if w]))


keyed([("b", "x", 3, 1.5), ("a", "y", 3, 0.5), ("c", "zé", 1, 2.5), ("a", "w", 2, 2.5)])
words(["bb", "a", "ccc", "dd", "é"])
containers()
shadowed()
