# corpus: algo: Dijkstra with linear-scan priority selection on weighted dict graph
INF = 10 ** 9

EDGES: list[tuple[str, str, int]] = [
    ("home", "park", 4), ("home", "shop", 2), ("shop", "park", 1),
    ("park", "school", 5), ("shop", "library", 8), ("library", "school", 2),
    ("school", "gym", 3), ("library", "gym", 7),
]


def build() -> dict[str, list[tuple[str, int]]]:
    g: dict[str, list[tuple[str, int]]] = {}
    for a, b, w in EDGES:
        g.setdefault(a, []).append((b, w))
        g.setdefault(b, []).append((a, w))
    return g


def dijkstra(g: dict[str, list[tuple[str, int]]], src: str) -> tuple[dict[str, int], dict[str, str]]:
    dist: dict[str, int] = {n: INF for n in g}
    prev: dict[str, str] = {}
    dist[src] = 0
    done: set[str] = set()
    while len(done) < len(g):
        best = ""
        for n in g:
            if n not in done and (best == "" or dist[n] < dist[best]):
                best = n
        done.add(best)
        for nb, w in g[best]:
            if dist[best] + w < dist[nb]:
                dist[nb] = dist[best] + w
                prev[nb] = best
    return dist, prev


def main() -> None:
    g = build()
    dist, prev = dijkstra(g, "home")
    for node in sorted(dist, key=lambda n: (dist[n], n)):
        path = [node]
        while path[-1] in prev:
            path.append(prev[path[-1]])
        print(f"{node:<8} {dist[node]:>3}  via {'<'.join(path)}")


if __name__ == "__main__":
    main()
