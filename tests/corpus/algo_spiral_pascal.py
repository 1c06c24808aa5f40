# corpus: algo: spiral matrix traversal and Pascal's triangle, module-level driver code
def spiral(m: list[list[int]]) -> list[int]:
    out: list[int] = []
    top, bottom, left, right = 0, len(m) - 1, 0, len(m[0]) - 1
    while top <= bottom and left <= right:
        for j in range(left, right + 1):
            out.append(m[top][j])
        top += 1
        for i in range(top, bottom + 1):
            out.append(m[i][right])
        right -= 1
        if top <= bottom:
            for j in range(right, left - 1, -1):
                out.append(m[bottom][j])
            bottom -= 1
        if left <= right:
            for i in range(bottom, top - 1, -1):
                out.append(m[i][left])
            left += 1
    return out


def pascal(n: int) -> list[list[int]]:
    rows: list[list[int]] = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        rows.append([1] + [prev[k] + prev[k + 1] for k in range(len(prev) - 1)] + [1])
    return rows


grid = [[r * 4 + c + 1 for c in range(4)] for r in range(3)]
for row in grid:
    print(row)
print("spiral:", spiral(grid))
print("spiral 1x1:", spiral([[7]]))
print("spiral column:", spiral([[1], [2], [3]]))
tri = pascal(10)
width = len(" ".join(str(v) for v in tri[-1]))
for row in tri:
    print(" ".join(str(v) for v in row).center(width))
print("row sums:", [sum(r) for r in tri])
