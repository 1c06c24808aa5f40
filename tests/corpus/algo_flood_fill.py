# corpus: algo: grid flood fill with explicit stack, island counting on list of strings
MAP = [
    "..##....#.",
    ".###...##.",
    "......#...",
    "##.......#",
    "#...###..#",
    "....#.#...",
]


def islands(rows: list[str]) -> list[int]:
    h, w = len(rows), len(rows[0])
    seen = [[False] * w for _ in range(h)]
    sizes: list[int] = []
    for r in range(h):
        for c in range(w):
            if rows[r][c] != "#" or seen[r][c]:
                continue
            stack = [(r, c)]
            seen[r][c] = True
            size = 0
            while stack:
                y, x = stack.pop()
                size += 1
                for dy, dx in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and rows[ny][nx] == "#" and not seen[ny][nx]:
                        seen[ny][nx] = True
                        stack.append((ny, nx))
            sizes.append(size)
    return sizes


def main() -> None:
    for line in MAP:
        print(line)
    sizes = islands(MAP)
    print("islands:", len(sizes))
    print("sizes in discovery order:", sizes)
    print("largest:", max(sizes), "smallest:", min(sizes))
    print("land cells:", sum(sizes), "of", len(MAP) * len(MAP[0]))


if __name__ == "__main__":
    main()
