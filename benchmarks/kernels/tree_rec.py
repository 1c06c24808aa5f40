# kernel: recursion over trees: expression trees in a list of tuples, built, evaluated and printed


def build(nodes: list[tuple[str, int, int, int]], depth: int, seed: int) -> int:
    """Append a random expression tree of the given depth; return its node index."""
    x = (seed * 1103515245 + 12345) % 2147483648
    if depth == 0 or x % 7 == 0:
        nodes.append(("num", x % 10, -1, -1))
        return len(nodes) - 1
    left = build(nodes, depth - 1, x)
    right = build(nodes, depth - 1, x + 1)
    op = "+-*"[x % 3]
    nodes.append((op, 0, left, right))
    return len(nodes) - 1


def evaluate(nodes: list[tuple[str, int, int, int]], i: int) -> int:
    kind, value, left, right = nodes[i]
    if kind == "num":
        return value
    a = evaluate(nodes, left)
    b = evaluate(nodes, right)
    if kind == "+":
        return (a + b) % 1000003
    if kind == "-":
        return (a - b) % 1000003
    return a * b % 1000003


def depth(nodes: list[tuple[str, int, int, int]], i: int) -> int:
    node = nodes[i]
    if node[0] == "num":
        return 0
    return 1 + max(depth(nodes, node[2]), depth(nodes, node[3]))


def show(nodes: list[tuple[str, int, int, int]], i: int) -> str:
    kind, value, left, right = nodes[i]
    if kind == "num":
        return str(value)
    return "(" + show(nodes, left) + " " + kind + " " + show(nodes, right) + ")"


def main() -> None:
    total = 0
    size = 0
    text_len = 0
    deepest = 0
    for t in range(120):
        nodes: list[tuple[str, int, int, int]] = []
        root = build(nodes, 18, t)
        total = (total + evaluate(nodes, root)) % 1000003
        size += len(nodes)
        deepest = max(deepest, depth(nodes, root))
        text_len += len(show(nodes, root))
    print(f"{size} nodes, value sum {total}, deepest {deepest}, text {text_len} chars")


if __name__ == "__main__":
    main()
