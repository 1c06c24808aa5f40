# corpus: algo: recursive DFS, topological sort, cycle detection with colour dict
DEPS: dict[str, list[str]] = {
    "app": ["lib", "utils", "config"],
    "lib": ["utils", "core"],
    "utils": ["core"],
    "config": [],
    "core": [],
    "tests": ["app", "mock"],
    "mock": ["core"],
}


def visit(node: str, graph: dict[str, list[str]], state: dict[str, int], order: list[str]) -> bool:
    if state.get(node, 0) == 1:
        return False
    if state.get(node, 0) == 2:
        return True
    state[node] = 1
    for dep in graph.get(node, []):
        if not visit(dep, graph, state, order):
            return False
    state[node] = 2
    order.append(node)
    return True


def topo_sort(graph: dict[str, list[str]]) -> list[str]:
    state: dict[str, int] = {}
    order: list[str] = []
    for node in sorted(graph.keys()):
        if not visit(node, graph, state, order):
            raise ValueError(f"cycle detected at {node}")
    return order


def main() -> None:
    order = topo_sort(DEPS)
    print("build order:")
    for i, name in enumerate(order, 1):
        print(f"  {i}. {name} (deps: {', '.join(DEPS[name]) or '-'})")
    cyclic: dict[str, list[str]] = {"x": ["y"], "y": ["z"], "z": ["x"], "w": []}
    try:
        print(topo_sort(cyclic))
    except ValueError as e:
        print("error:", e)


if __name__ == "__main__":
    main()
