# corpus: classes: a small Matrix class with __add__, __mul__ (matrix and scalar), __eq__, __getitem__, __repr__, transpose and identity
class Matrix:
    def __init__(self, rows: list[list[int]]) -> None:
        self.rows = rows
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0

    @staticmethod
    def identity(n: int) -> "Matrix":
        return Matrix([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, ij: tuple[int, int]) -> int:
        return self.rows[ij[0]][ij[1]]

    def __add__(self, other: "Matrix") -> "Matrix":
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def __mul__(self, other: "Matrix") -> "Matrix":
        cols = other.transpose().rows
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def scale(self, k: int) -> "Matrix":
        return Matrix([[k * a for a in r] for r in self.rows])

    def transpose(self) -> "Matrix":
        return Matrix([[self.rows[i][j] for i in range(self.n)] for j in range(self.m)])

    def __eq__(self, other: "Matrix") -> bool:
        return self.rows == other.rows

    def __repr__(self) -> str:
        return "Matrix(" + repr(self.rows) + ")"


def power(a: Matrix, k: int) -> Matrix:
    result = Matrix.identity(a.n)
    while k > 0:
        if k % 2 == 1:
            result = result * a
        a = a * a
        k //= 2
    return result


def main() -> None:
    a = Matrix([[1, 2], [3, 4]])
    b = Matrix([[0, 1], [1, 0]])
    print(a + b, a * b, b * a, a.scale(3))
    print(a * Matrix.identity(2) == a, a == b, a != b, a[(1, 0)])
    fib = power(Matrix([[1, 1], [1, 0]]), 30)
    print(fib[(0, 1)], fib)
    print(Matrix([[1, 2, 3]]).transpose())


main()
