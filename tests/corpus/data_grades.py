# corpus: data: student grades grouped into dicts, averages, letter grades, ranking with ties; some helpers unannotated
SCORES: list[tuple[str, str, int]] = [
    ("alice", "math", 92), ("bob", "math", 75), ("carol", "math", 88),
    ("alice", "physics", 85), ("bob", "physics", 91), ("carol", "physics", 88),
    ("alice", "art", 70), ("bob", "art", 95), ("dave", "math", 60), ("dave", "art", 88),
]


def letter(avg):
    if avg >= 90:
        return "A"
    if avg >= 80:
        return "B"
    if avg >= 70:
        return "C"
    return "F"


def main() -> None:
    by_student: dict[str, list[int]] = {}
    by_subject: dict[str, list[int]] = {}
    for student, subject, score in SCORES:
        by_student.setdefault(student, []).append(score)
        by_subject.setdefault(subject, []).append(score)
    averages = {s: sum(v) / len(v) for s, v in by_student.items()}
    ranked = sorted(averages.items(), key=lambda kv: kv[1], reverse=True)
    print("rank student  avg    grade n")
    rank = 0
    prev = -1.0
    for i, (student, avg) in enumerate(ranked):
        if avg != prev:
            rank = i + 1
            prev = avg
        print(f"{rank:>4} {student:<8}{avg:>6.2f}  {letter(avg):^5} {len(by_student[student])}")
    for subject in sorted(by_subject):
        marks = by_subject[subject]
        best = max(SCORES, key=lambda r: r[2] if r[1] == subject else -1)
        print(f"{subject:<8} mean={sum(marks) / len(marks):.1f} best={best[0]} ({best[2]})")
    print("all passed:", all(v >= 60 for vs in by_student.values() for v in vs))
    print("averages:", {k: round(v, 1) for k, v in averages.items()})


if __name__ == "__main__":
    main()
