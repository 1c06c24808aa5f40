# corpus: edge: setdefault with a constant default (made only when the key is missing) keeps CPython's results
def main() -> None:
    d: dict[str, list[int]] = {}
    for i in range(20):
        k = "k" + str(i % 3)
        d.setdefault(k, []).append(i)
    print(d)
    e: dict[int, str] = {}
    print(e.setdefault(1, "a"), e.setdefault(1, "b"), e)
    f: dict[tuple[int, int], list[str]] = {}
    f.setdefault((1, 2), ["x", "y"]).append("z")
    f.setdefault((1, 2), ["q"]).append("w")
    print(f)
    g: dict[str, dict[str, int]] = {}
    g.setdefault("a", {"n": 1})["m"] = 2
    print(g, g.setdefault("a", {}))


if __name__ == "__main__":
    main()
