# corpus: algo: N-queens backtracking with sets for columns/diagonals, board rendering
def solve(n: int, row: int, cols: list[int], used_c: set[int], used_d1: set[int], used_d2: set[int], sols: list[list[int]]) -> None:
    if row == n:
        sols.append(cols.copy())
        return
    for c in range(n):
        if c in used_c or (row - c) in used_d1 or (row + c) in used_d2:
            continue
        cols.append(c)
        used_c.add(c)
        used_d1.add(row - c)
        used_d2.add(row + c)
        solve(n, row + 1, cols, used_c, used_d1, used_d2, sols)
        cols.pop()
        used_c.remove(c)
        used_d1.remove(row - c)
        used_d2.remove(row + c)


def count(n: int) -> list[list[int]]:
    sols: list[list[int]] = []
    solve(n, 0, [], set(), set(), set(), sols)
    return sols


def main() -> None:
    for n in range(1, 9):
        print(f"{n}-queens: {len(count(n))} solutions")
    first = count(6)[0]
    print("first 6-queens solution:", first)
    for r in range(6):
        print(" ".join("Q" if first[r] == c else "." for c in range(6)))


if __name__ == "__main__":
    main()
