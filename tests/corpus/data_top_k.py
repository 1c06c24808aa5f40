# corpus: data: top-k selection via sorted(key=, reverse=True), slicing, ties broken by name
PLAYERS: list[tuple[str, int, int]] = [
    ("zed", 1500, 30), ("amy", 2100, 45), ("bo", 2100, 40), ("cy", 1800, 50),
    ("di", 900, 12), ("ed", 2100, 45), ("flo", 1750, 33), ("gus", 1999, 41),
]


def top_k(k: int) -> list[tuple[str, int, int]]:
    return sorted(PLAYERS, key=lambda p: (-p[1], -p[2], p[0]))[:k]


def bottom_k(k: int) -> list[tuple[str, int, int]]:
    return sorted(PLAYERS, key=lambda p: p[1])[:k]


def main() -> None:
    for k in [1, 3, 5]:
        names = [p[0] for p in top_k(k)]
        print(f"top {k}: {names}")
    print("bottom 2:", bottom_k(2))
    by_rating_desc = sorted(PLAYERS, key=lambda p: p[1], reverse=True)
    print("stable desc (ties keep input order):", [p[0] for p in by_rating_desc])
    by_games = sorted(PLAYERS, key=lambda p: p[2])
    print("fewest games:", by_games[0][0], "most games:", by_games[-1][0])
    ratings = [p[1] for p in PLAYERS]
    ratings.sort(reverse=True)
    print("ratings desc:", ratings)
    print("distinct ratings:", sorted(set(ratings), reverse=True))
    print("median rating:", ratings[len(ratings) // 2])
    strongest = max(PLAYERS, key=lambda p: p[1] / p[2])
    print(f"best rating per game: {strongest[0]} ({strongest[1] / strongest[2]:.2f})")
    print("min by name:", min(PLAYERS), "max by name:", max(PLAYERS))


if __name__ == "__main__":
    main()
