# corpus: algo: union-find with path compression over lists, connected components of friends
NAMES = ["ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal"]
LINKS = [("ann", "bob"), ("cat", "dan"), ("bob", "dan"), ("eve", "fay"), ("gus", "gus")]


def find(parent: list[int], x: int) -> int:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        nxt = parent[x]
        parent[x] = root
        x = nxt
    return root


def union(parent: list[int], size: list[int], a: int, b: int) -> bool:
    ra, rb = find(parent, a), find(parent, b)
    if ra == rb:
        return False
    if size[ra] < size[rb]:
        ra, rb = rb, ra
    parent[rb] = ra
    size[ra] += size[rb]
    return True


def main() -> None:
    index = {name: i for i, name in enumerate(NAMES)}
    parent = list(range(len(NAMES)))
    size = [1] * len(NAMES)
    for a, b in LINKS:
        merged = union(parent, size, index[a], index[b])
        print(f"union({a}, {b}) -> {'merged' if merged else 'already joined'}")
    groups: dict[int, list[str]] = {}
    for name in NAMES:
        groups.setdefault(find(parent, index[name]), []).append(name)
    comps = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    print("components:", len(comps))
    for g in comps:
        print(f"  size {len(g)}: {', '.join(g)}")
    print("ann~cat:", find(parent, index["ann"]) == find(parent, index["cat"]))
    print("ann~eve:", find(parent, index["ann"]) == find(parent, index["eve"]))


if __name__ == "__main__":
    main()
