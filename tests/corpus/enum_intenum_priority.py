"""Tasks with IntEnum priorities: IntEnum members sort, compare and compute as ints."""
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 5


def score(p: Priority, age_days: int) -> int:
    return p * 10 + age_days


def main() -> None:
    tasks: list[tuple[str, Priority, int]] = [
        ("write report", Priority.NORMAL, 3),
        ("fix outage", Priority.URGENT, 0),
        ("water plants", Priority.LOW, 9),
        ("review PR", Priority.HIGH, 1),
    ]
    ranked = sorted(tasks, key=lambda t: score(t[1], t[2]), reverse=True)
    for name, p, age in ranked:
        print(f"{name:<14} {p.name:<7} {p:>2} score={score(p, age)}")
    print(Priority.HIGH > Priority.NORMAL, Priority.LOW == 1, Priority.URGENT - Priority.HIGH)
    print(max(Priority), min(Priority), sorted([Priority.URGENT, Priority.LOW, Priority.HIGH]))
    print(str(Priority.HIGH), repr(Priority.HIGH), [Priority.LOW], f"{Priority.NORMAL}")
    print(Priority(3), Priority(3) is Priority.HIGH, -Priority.LOW, Priority.HIGH // 2, Priority.URGENT / 2)
    busy = sum(1 for _, p, _ in tasks if p >= Priority.HIGH)
    print("high or urgent:", busy)
    print(isinstance(Priority.LOW, int), isinstance(Priority.LOW, Priority), bool(Priority.LOW))
    levels = {p: p.value * p.value for p in Priority}
    print(levels)


if __name__ == "__main__":
    main()
