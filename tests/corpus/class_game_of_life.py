# corpus: classes: a Board object of Cell objects with neighbour lists (shared references), generations computed in two phases
class Cell:
    def __init__(self, alive: bool) -> None:
        self.alive = alive
        self.next_alive = False
        self.neighbours: list[Cell] = []

    def decide(self) -> None:
        n = sum(1 for c in self.neighbours if c.alive)
        self.next_alive = n == 3 or (self.alive and n == 2)

    def commit(self) -> None:
        self.alive = self.next_alive


class Board:
    def __init__(self, pattern: list[str]) -> None:
        self.h = len(pattern)
        self.w = len(pattern[0])
        self.cells = [[Cell(ch == "#") for ch in row] for row in pattern]
        for r in range(self.h):
            for c in range(self.w):
                for dr in (-1, 0, 1):
                    for dc in (-1, 0, 1):
                        if (dr, dc) != (0, 0):
                            self.cells[r][c].neighbours.append(self.cells[(r + dr) % self.h][(c + dc) % self.w])

    def step(self) -> None:
        for row in self.cells:
            for cell in row:
                cell.decide()
        for row in self.cells:
            for cell in row:
                cell.commit()

    def population(self) -> int:
        return sum(1 for row in self.cells for c in row if c.alive)

    def show(self) -> str:
        return "\n".join("".join("#" if c.alive else "." for c in row) for row in self.cells)


def main() -> None:
    b = Board(["......", "..#...", "...#..", ".###..", "......", "......"])
    print(b.show())
    for gen in range(1, 9):
        b.step()
        print(gen, b.population())
    print(b.show())
    corner = b.cells[0][0]
    print(len(corner.neighbours), corner.neighbours[0] is b.cells[5][5])


main()
