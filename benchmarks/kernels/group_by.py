# kernel: dicts of lists: group generated records by department and city, per-group statistics

DEPTS = ["sales", "engineering", "support", "marketing", "finance", "legal", "ops"]
CITIES = ["london", "paris", "berlin", "madrid", "rome", "vienna", "prague", "oslo", "lisbon"]


def make_records(n: int) -> list[tuple[str, str, int]]:
    recs: list[tuple[str, str, int]] = []
    x = 31337
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        recs.append((DEPTS[x % 7], CITIES[(x // 8) % 9], 20000 + (x // 128) % 80000))
    return recs


def main() -> None:
    recs = make_records(3000000)
    by_dept: dict[str, list[int]] = {}
    by_pair: dict[str, list[int]] = {}
    for dept, city, salary in recs:
        if dept not in by_dept:
            by_dept[dept] = []
        by_dept[dept].append(salary)
        key = dept + "/" + city
        by_pair.setdefault(key, []).append(salary)
    lines: list[str] = []
    for dept in sorted(by_dept):
        sal = sorted(by_dept[dept])
        mean = sum(sal) / len(sal)
        lines.append(f"{dept:<12} n={len(sal):6d} mean={mean:10.2f} median={sal[len(sal) // 2]}")
    widest = ""
    widest_n = 0
    for key, sal in by_pair.items():
        spread = max(sal) - min(sal)
        if len(sal) > widest_n or (len(sal) == widest_n and key < widest):
            widest = key
            widest_n = len(sal)
        if spread < 0:
            print("impossible")
    print("\n".join(lines))
    print(f"{len(by_pair)} groups, largest {widest} with {widest_n}")


if __name__ == "__main__":
    main()
