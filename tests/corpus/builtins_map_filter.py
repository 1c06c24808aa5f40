# corpus: map() and filter() feeding list/sum/sorted/join/max/any and for loops: parsing a small CSV of scores


def to_score(field: str) -> int:
    return int(field.strip())


def passed(score: int) -> bool:
    return score >= 50


def main() -> None:
    rows = ["ann, 70, 45, 88", "bob, 12, 50, 49", "cy, 100, 99, 0", "dee, 50, 50, 50"]
    for row in rows:
        name = row.split(",")[0]
        fields = row.split(",")[1:]
        scores = list(map(to_score, fields))
        good = list(filter(passed, scores))
        print(f"{name:<4} scores={scores} passed={len(good)} total={sum(map(to_score, fields))}")
    names = list(map(lambda r: r.split(",")[0].upper(), rows))
    print(names, sorted(map(len, names), reverse=True))
    print(" | ".join(map(str.title, ["alpha beta", "gamma"])))
    print(list(map(lambda a, b: a - b, [10, 20, 30], [1, 2])))
    print(list(map(pow, [2, 3, 4], [10, 3, 2])))
    print(list(filter(None, ["", "x", "", "yz"])), list(filter(None, [0, 3, 0, -1])))
    print(max(map(abs, [-7, 3, 5])), min(map(float, ["2.5", "1e-3", "7"])), any(map(str.isdigit, ["a", "b"])))
    for i, w in enumerate(list(filter(str.isalpha, ["ok", "n0", "fine", "42"]))):
        print(i, w)
    print(sorted(map(lambda c: c.lower(), "AaBbC")))
    print(list(map(int, "1 2 3".split())))


if __name__ == "__main__":
    main()
