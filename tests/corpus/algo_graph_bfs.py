# corpus: algo: BFS shortest paths over dict-of-lists adjacency, path reconstruction
GRAPH: dict[str, list[str]] = {
    "A": ["B", "C"],
    "B": ["A", "D", "E"],
    "C": ["A", "F"],
    "D": ["B"],
    "E": ["B", "F", "G"],
    "F": ["C", "E"],
    "G": ["E", "H"],
    "H": ["G"],
    "Z": [],
}


def bfs(start: str) -> dict[str, str]:
    parent: dict[str, str] = {start: ""}
    queue: list[str] = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for nxt in GRAPH[node]:
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return parent


def path_to(parent: dict[str, str], goal: str) -> list[str]:
    if goal not in parent:
        return []
    path: list[str] = []
    cur = goal
    while cur != "":
        path.append(cur)
        cur = parent[cur]
    path.reverse()
    return path


def main() -> None:
    parent = bfs("A")
    print("visit order:", " ".join(parent.keys()))
    for goal in ["A", "D", "F", "H", "Z"]:
        p = path_to(parent, goal)
        if p:
            print(f"A -> {goal}: {' -> '.join(p)} ({len(p) - 1} hops)")
        else:
            print(f"A -> {goal}: unreachable")
    print("reachable from Z:", list(bfs("Z").keys()))


if __name__ == "__main__":
    main()
