# corpus: valid: YYYY-MM-DD validation with leap years, day-of-year, raises/catches ValueError; some helpers unannotated
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in(y, m):
    return 29 if m == 2 and is_leap(y) else DAYS[m - 1]


def parse_date(s: str) -> tuple[int, int, int]:
    parts = s.split("-")
    if len(parts) != 3 or [len(p) for p in parts] != [4, 2, 2]:
        raise ValueError(f"bad format {s!r}, want YYYY-MM-DD")
    if not all(p.isdigit() for p in parts):
        raise ValueError(f"non-digit in {s!r}")
    y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
    if not 1 <= m <= 12:
        raise ValueError(f"month {m} out of range")
    if not 1 <= d <= days_in(y, m):
        raise ValueError(f"day {d} out of range for {MONTHS[m - 1]} {y}")
    return y, m, d


def day_of_year(y: int, m: int, d: int) -> int:
    return sum(days_in(y, k) for k in range(1, m)) + d


def main() -> None:
    for y in [1900, 2000, 2023, 2024, 2100]:
        print(f"{y}: leap={is_leap(y)}")
    for s in ["2024-02-29", "2023-02-29", "2023-12-31", "1999-13-01", "2024-4-01", "20x4-01-01", "2000-02-29", "2021-06-31"]:
        try:
            y, m, d = parse_date(s)
            print(f"{s}: {d} {MONTHS[m - 1]} {y}, day {day_of_year(y, m, d)} of {366 if is_leap(y) else 365}")
        except ValueError as e:
            print(f"{s}: invalid ({e})")


if __name__ == "__main__":
    main()
