# corpus: data: employee records grouped by department, payroll totals, raises, Optional manager lookup
from typing import Optional

EMPLOYEES: list[tuple[int, str, str, float, int]] = [
    (1, "Ada", "eng", 120000.0, 0),
    (2, "Brian", "eng", 95000.0, 1),
    (3, "Chen", "sales", 70000.0, 5),
    (4, "Dina", "eng", 105000.0, 1),
    (5, "Eli", "sales", 88000.0, 0),
    (6, "Fay", "ops", 64000.0, 0),
    (7, "Gil", "ops", 61000.0, 6),
]


def manager_of(emp_id: int) -> Optional[str]:
    for eid, _, _, _, mgr in EMPLOYEES:
        if eid == emp_id and mgr != 0:
            for mid, mname, _, _, _ in EMPLOYEES:
                if mid == mgr:
                    return mname
    return None


def main() -> None:
    depts: dict[str, list[tuple[str, float]]] = {}
    for _, name, dept, salary, _ in EMPLOYEES:
        depts.setdefault(dept, []).append((name, salary))
    for dept, people in sorted(depts.items()):
        total = sum(s for _, s in people)
        print(f"{dept:<6} headcount={len(people)} payroll={total:>11,.2f} avg={total / len(people):>10,.2f}")
        for name, salary in sorted(people, key=lambda p: p[1], reverse=True):
            print(f"    {name:<6} {salary:>10,.0f}")
    for eid in [2, 3, 5, 7, 99]:
        m = manager_of(eid)
        print(f"employee {eid}: manager = {m if m is not None else '(none)'}")
    raised = [(n, round(s * (1.05 if d == "eng" else 1.03), 2)) for _, n, d, s, _ in EMPLOYEES]
    print("after raises:", raised[:3])
    print(f"new payroll: {sum(s for _, s in raised):,.2f}")


if __name__ == "__main__":
    main()
