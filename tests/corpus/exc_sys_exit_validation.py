# corpus: exc: validates a batch of records, prints a report, then calls sys.exit(3) on failures
import sys

RECORDS: list[tuple[str, int]] = [("ok-1", 5), ("ok-2", 17), ("bad-neg", -4), ("ok-3", 0), ("bad-big", 1000)]
LIMIT = 100


def check(rec: tuple[str, int]) -> str:
    name, value = rec
    if value < 0:
        return f"{name}: negative value {value}"
    if value > LIMIT:
        return f"{name}: value {value} exceeds limit {LIMIT}"
    return ""


def main() -> None:
    failures: list[str] = []
    for rec in RECORDS:
        problem = check(rec)
        status = "FAIL" if problem else "pass"
        print(f"{rec[0]:<8} {rec[1]:>5} {status}")
        if problem:
            failures.append(problem)
    print(f"{len(RECORDS) - len(failures)} passed, {len(failures)} failed")
    if failures:
        for f in failures:
            print("  -", f)
        print("exiting with status 3")
        sys.exit(3)
    print("all good")


if __name__ == "__main__":
    main()
