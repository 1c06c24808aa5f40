# breadth-first search with collections.deque: shortest paths on a grid and a word ladder,
# a sliding-window maximum (monotonic deque) and a round-robin scheduler with rotate()
from collections import deque


def grid_distances(grid: list[str], start: tuple[int, int]) -> dict[tuple[int, int], int]:
    dist: dict[tuple[int, int], int] = {start: 0}
    q: deque[tuple[int, int]] = deque([start])
    while q:
        r, c = q.popleft()
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return dist


def ladder(begin: str, end: str, words: list[str]) -> int:
    pool = set(words)
    q = deque([(begin, 1)])
    seen = {begin}
    while q:
        w, steps = q.popleft()
        if w == end:
            return steps
        for i in range(len(w)):
            for ch in "abcdefghijklmnopqrstuvwxyz":
                nxt = w[:i] + ch + w[i + 1:]
                if nxt in pool and nxt not in seen:
                    seen.add(nxt)
                    q.append((nxt, steps + 1))
    return 0


def window_max(xs: list[int], k: int) -> list[int]:
    out: list[int] = []
    dq: deque[int] = deque()
    for i, x in enumerate(xs):
        while dq and xs[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(xs[dq[0]])
    return out


def round_robin(jobs: dict[str, int], quantum: int) -> list[str]:
    ring = deque(sorted(jobs))
    left = dict(jobs)
    order: list[str] = []
    while ring:
        name = ring[0]
        left[name] -= quantum
        order.append(f"{name}:{max(left[name], 0)}")
        if left[name] <= 0:
            ring.popleft()
        else:
            ring.rotate(-1)
    return order


def main() -> None:
    grid = ["..#......", ".##.####.", "...#.....", "#.....#.#", "..##....."]
    d = grid_distances(grid, (0, 0))
    print(len(d), max(d.values()), d.get((4, 8), -1), sorted(d.items())[-3:])
    print(ladder("hit", "cog", ["hot", "dot", "dog", "lot", "log", "cog"]), ladder("hit", "cog", ["hot"]))
    xs = [(i * 37) % 23 - 11 for i in range(40)]
    print(window_max(xs, 5))
    print(round_robin({"db": 7, "web": 3, "cron": 5}, 2))
    recent: deque[str] = deque(maxlen=4)
    for line in "a b c d e f g".split():
        recent.append(line.upper())
    print(recent, list(recent), recent.maxlen, "D" in recent, "A" in recent)


main()
