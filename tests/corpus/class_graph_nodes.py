# corpus: classes: graph nodes holding lists of other nodes (cycles), BFS over objects, visited sets by identity
class GNode:
    def __init__(self, label: str) -> None:
        self.label = label
        self.edges: list[GNode] = []

    def link(self, other: "GNode") -> None:
        self.edges.append(other)
        other.edges.append(self)

    def __repr__(self) -> str:
        return self.label


def bfs(start: GNode) -> list[str]:
    seen = {start}
    order: list[str] = []
    queue = [start]
    while queue:
        n = queue.pop(0)
        order.append(n.label)
        for m in n.edges:
            if m not in seen:
                seen.add(m)
                queue.append(m)
    return order


def main() -> None:
    nodes = {c: GNode(c) for c in "abcdefg"}
    for u, v in [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g")]:
        nodes[u].link(nodes[v])
    print(bfs(nodes["a"]), bfs(nodes["f"]))
    print(nodes["d"].edges, len(nodes["a"].edges))
    hub = GNode("hub")
    for n in nodes.values():
        hub.link(n)
    print(bfs(hub))
    print(sorted(len(n.edges) for n in nodes.values()))


main()
