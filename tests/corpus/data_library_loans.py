# corpus: data: library loans with dict updates/deletes, overdue fines, pop with default, setdefault
BOOKS: dict[str, str] = {"b1": "Dune", "b2": "Emma", "b3": "Ulysses", "b4": "Beloved", "b5": "Hamlet"}
EVENTS: list[tuple[int, str, str, str]] = [
    (1, "out", "b1", "kim"), (2, "out", "b3", "lee"), (3, "out", "b2", "kim"),
    (5, "in", "b1", "kim"), (6, "out", "b1", "max"), (9, "out", "b5", "lee"),
    (20, "in", "b3", "lee"), (21, "out", "b3", "kim"), (30, "in", "b9", "max"),
]
LOAN_DAYS = 7
FINE_PER_DAY = 0.25


def main() -> None:
    loans: dict[str, tuple[str, int]] = {}
    fines: dict[str, float] = {}
    history: dict[str, list[str]] = {}
    for day, kind, book, who in EVENTS:
        if kind == "out":
            if book in loans:
                print(f"day {day}: {BOOKS[book]} already out")
                continue
            loans[book] = (who, day)
            history.setdefault(who, []).append(BOOKS[book])
            print(f"day {day:>2}: {who} borrows {BOOKS[book]}")
        else:
            rec = loans.pop(book, ("", -1))
            if rec[1] < 0:
                print(f"day {day:>2}: return of unknown loan {book}")
                continue
            late = day - rec[1] - LOAN_DAYS
            if late > 0:
                fines[rec[0]] = fines.get(rec[0], 0.0) + late * FINE_PER_DAY
            print(f"day {day:>2}: {rec[0]} returns {BOOKS[book]} ({max(late, 0)} days late)")
    print("still out:", {BOOKS[b]: w for b, (w, _) in loans.items()})
    print("fines:", fines)
    print("history:", history)
    catalog = {k: v for k, v in BOOKS.items()}
    del catalog["b4"]
    catalog["b4"] = "Beloved (2nd ed.)"
    print("catalog now:", list(catalog.values()))


if __name__ == "__main__":
    main()
