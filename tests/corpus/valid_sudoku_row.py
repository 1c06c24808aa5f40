# corpus: valid: sudoku board validation with sets for duplicates, rows/cols/boxes
BOARD = [
    "53..7....",
    "6..195...",
    ".98....6.",
    "8...6...3",
    "4..8.3..1",
    "7...2...6",
    ".6....28.",
    "...419..5",
    "....8..79",
]


def find_dupes(cells: list[str]) -> list[str]:
    seen: set[str] = set()
    dupes: list[str] = []
    for c in cells:
        if c == ".":
            continue
        if c in seen and c not in dupes:
            dupes.append(c)
        seen.add(c)
    return dupes


def validate(board: list[str]) -> list[str]:
    errors: list[str] = []
    for r in range(9):
        for d in find_dupes(list(board[r])):
            errors.append(f"row {r}: duplicate {d}")
    for c in range(9):
        for d in find_dupes([board[r][c] for r in range(9)]):
            errors.append(f"col {c}: duplicate {d}")
    for b in range(9):
        r0, c0 = 3 * (b // 3), 3 * (b % 3)
        cells = [board[r][c] for r in range(r0, r0 + 3) for c in range(c0, c0 + 3)]
        for d in find_dupes(cells):
            errors.append(f"box {b}: duplicate {d}")
    return errors


def main() -> None:
    print("filled cells:", sum(1 for row in BOARD for ch in row if ch != "."))
    print("valid board errors:", validate(BOARD))
    broken = BOARD.copy()
    broken[0] = "53..7..3."
    broken[4] = "4..8.3.61"
    broken[8] = "9...8..79"
    for e in validate(broken):
        print("  ", e)
    print("distinct digits in row 0:", sorted(set(BOARD[0]) - {"."}))


if __name__ == "__main__":
    main()
