# corpus: edge: list, dict and set parameters a function never rebinds (passed by reference) keep CPython's results: aliasing, mutation, recursion, temporaries
def depth(nodes: list[tuple[str, int, int]], i: int) -> int:
    kind, left, right = nodes[i]
    if kind == "leaf":
        return 0
    return 1 + max(depth(nodes, left), depth(nodes, right))


def grow(xs: list[int], seen: set[int], counts: dict[str, int]) -> list[int]:
    xs.append(len(xs))
    seen.add(len(xs))
    counts["n"] = counts.get("n", 0) + 1
    return xs


def rebinds(xs: list[int]) -> int:
    xs = xs + [99]
    return len(xs)


def keep(store: list[list[int]], xs: list[int]) -> None:
    store.append(xs)


def main() -> None:
    nodes = [("node", 1, 2), ("leaf", 0, 0), ("node", 3, 4), ("leaf", 0, 0), ("leaf", 0, 0)]
    print(depth(nodes, 0))
    a: list[int] = [1]
    s: set[int] = set()
    c: dict[str, int] = {}
    b = grow(a, s, c)
    b.append(7)
    print(a, b, s, c)
    print(grow([5], s, c), grow(grow(a, s, c), s, c), s, c)
    print(rebinds(a), a)
    store: list[list[int]] = []
    keep(store, a)
    a.append(8)
    print(store)
    print(grow(list(range(3)), {1}, {"n": 41}))


if __name__ == "__main__":
    main()
