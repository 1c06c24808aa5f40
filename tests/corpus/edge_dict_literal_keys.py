# corpus: edge: str literal dict keys (compile-time hashes) against inline, heap, split-piece and non-ASCII keys, every key form, KeyError
from collections import defaultdict, Counter, OrderedDict


def build(parts: list[str]) -> dict[str, int]:
    d: dict[str, int] = {}
    for i, p in enumerate(parts):
        d[p] = i
    return d


def main() -> None:
    keys = ["", "a", "id", "temp", "count", "label", "abcdefg", "abcdefgh", "abcdefghijklmn",
            "abcdefghijklmno", "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvw",
            "a much longer key that is certainly heap allocated", "héllo", "日本語", "tab\there", "q'\"x"]
    d = build(keys)
    # lookups of literals against dynamically built keys (inline, heap, views)
    print(d[""], d["a"], d["id"], d["temp"], d["count"], d["label"], d["abcdefg"], d["abcdefgh"])
    print(d["abcdefghijklmn"], d["abcdefghijklmno"], d["abcdefghijklmnopqrstuv"], d["abcdefghijklmnopqrstuvw"])
    print(d["a much longer key that is certainly heap allocated"], d["héllo"], d["日本語"], d["tab\there"], d["q'\"x"])
    print("temp" in d, "tem" in d, "temp " not in d, d.get("count"), d.get("nope"), d.get("nope", -5), d.get("label", 9))
    # pieces of a split (views of a long ASCII line) as keys, literal lookups
    line = "alpha=1;abcdefghijklmnopqrstuvwxyz=2;beta=3;x=4;abcdefghijklmno=5"
    rec: dict[str, str] = {}
    for field in line.split(";"):
        k, v = field.split("=")
        rec[k] = v
    print(rec["alpha"], rec["abcdefghijklmnopqrstuvwxyz"], rec["x"], rec["abcdefghijklmno"], len(rec))
    e: dict[str, int] = {}
    e["abcdefghijklmnopqrstuvwxyz"] = 1
    e["x"] = 2
    e["x"] += 5
    e["y"] = e.get("y", 0) + 1
    for k in ["abcdefghijklmnopqrstuvwxyz", "x", "y"]:
        print(k, e[k], k in e)
    print(e)
    # many keys (an index)
    big: dict[str, int] = {}
    for i in range(40):
        big["k" + str(i)] = i
    big["k7"] += 100
    big["k39"] = -1
    big["new"] = 5
    print(big["k7"], big["k39"], big["k0"], "k40" in big, "k12" in big, big.get("k13"), len(big))
    # dict displays with literal keys, duplicates
    f = {"a": 1, "b": 2, "a": 3}
    print(f, len(f))
    g = {"x": [1], "y": [2, 3]}
    g["x"].append(4)
    print(g, g["y"])
    h: dict[str, float] = {"t": 0.5}
    h["t"] += 1.25
    h["u"] = h.get("u", 0.0) + 2.0
    print(h, -0.0 == h.get("z", -0.0))
    # defaultdict / Counter / OrderedDict with literal keys
    dd: defaultdict[str, int] = defaultdict(int)
    dd["a"] += 1
    dd["a"] += 1
    print(dd["b"], dd, "b" in dd, "c" in dd)
    dl: defaultdict[str, list[int]] = defaultdict(list)
    dl["q"].append(1)
    print(dl["q"], dl["r"], dict(dl))
    c: Counter[str] = Counter()
    c["x"] += 2
    print(c["x"], c["nope"], "nope" in c, c)
    od: OrderedDict[str, int] = OrderedDict()
    od["b"] = 1
    od["a"] = 2
    od["b"] = 3
    print(od, od["a"])
    # KeyError message for a missing literal key
    try:
        print(d["missing key"])
    except KeyError as ex:
        print("KeyError", ex, repr(ex))
    print(e["ñ"])


if __name__ == "__main__":
    main()
