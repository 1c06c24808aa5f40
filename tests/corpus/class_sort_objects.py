# corpus: classes: sorting objects by keys and by __lt__ (stable for ties), min/max with key and default, bisect-style insertion, grouping
class Student:
    def __init__(self, name: str, grade: int, age: int) -> None:
        self.name = name
        self.grade = grade
        self.age = age

    def __lt__(self, other: "Student") -> bool:
        return self.grade > other.grade

    def __repr__(self) -> str:
        return f"{self.name}({self.grade},{self.age})"


def insert_sorted(xs: list[Student], s: Student) -> None:
    i = 0
    while i < len(xs) and not (s < xs[i]):
        i += 1
    xs.insert(i, s)


def main() -> None:
    data = [("ann", 90, 20), ("bob", 85, 22), ("cy", 90, 19), ("dee", 70, 21), ("eve", 85, 20), ("fay", 99, 23)]
    students = [Student(n, g, a) for n, g, a in data]
    print(sorted(students))
    print(sorted(students, key=lambda s: (s.age, s.name)))
    print(sorted(students, key=lambda s: s.grade, reverse=True))
    print(min(students), max(students), min(students, key=lambda s: s.age))
    empty: list[Student] = []
    print(max(empty, key=lambda s: s.age, default=None))
    ranked: list[Student] = []
    for s in students:
        insert_sorted(ranked, s)
    print(ranked)
    by_grade: dict[int, list[Student]] = {}
    for s in students:
        by_grade.setdefault(s.grade, []).append(s)
    print(by_grade)
    students.sort()
    print([s.name for s in students], students[0] < students[1], students[-1] > students[0])


main()
