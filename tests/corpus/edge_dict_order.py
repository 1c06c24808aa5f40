# corpus: edge: dict insertion order after updates, deletions, re-insertion, pop, setdefault, update
def show(label: str, d: dict[str, int]) -> None:
    print(f"{label:<22} {d} keys={list(d)}")


def main() -> None:
    d: dict[str, int] = {}
    for k in ["c", "a", "b"]:
        d[k] = len(d)
    show("initial", d)
    d["a"] = 100
    show("update a (stays)", d)
    del d["c"]
    show("delete c", d)
    d["c"] = 7
    show("re-insert c (end)", d)
    d.pop("a")
    d["a"] = 1
    show("pop+insert a", d)
    d.setdefault("b", 99)
    d.setdefault("z", 26)
    show("setdefault b, z", d)
    d.update({"b": -1, "y": 25})
    show("update b, y", d)
    squares = {n: n * n for n in [3, 1, 2]}
    print("comprehension:", squares)
    rev = {k: v for k, v in reversed(list(d.items()))}
    show("reversed copy", rev)
    print("values:", list(d.values()), "items:", list(d.items())[:2])
    keys_sorted = sorted(d, key=lambda k: d[k])
    print("sorted by value:", keys_sorted)
    d.clear()
    show("cleared", d)
    print("get missing:", d.get("nope"), d.get("nope", 0))


if __name__ == "__main__":
    main()
