# corpus: edge: containers of objects printed by a program that needs the big-int build keep CPython's results
class Student:
    def __init__(self, name: str, grade: int) -> None:
        self.name = name
        self.grade = grade

    def __repr__(self) -> str:
        return f"Student({self.name!r}, {self.grade * 2**64})"


def main() -> None:
    by_grade: dict[int, list[Student]] = {}
    for i, name in enumerate(["ann", "bob", "cy"]):
        by_grade.setdefault(i % 2, []).append(Student(name, i))
    print(by_grade, 2**70)
    print([by_grade[0][0]], {"k": by_grade[1]})


if __name__ == "__main__":
    main()
