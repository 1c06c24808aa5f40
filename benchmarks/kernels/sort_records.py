# kernel: build and scan lists of tuples, sort records with key functions

NAMES = ["ng", "smith", "garcia", "kim", "olsen", "patel", "rossi", "dubois", "novak", "silva"]


def make_people(n: int) -> list[tuple[str, str, int, float]]:
    people: list[tuple[str, str, int, float]] = []
    x = 4242
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x // 65536
        last = NAMES[r % 10]
        first = NAMES[(r // 10) % 10].capitalize()
        age = 18 + (r // 100) % 60
        x = (x * 1103515245 + 12345) % 2147483648
        score = ((x // 65536) % 10000) / 100.0
        people.append((last, first, age, score))
    return people


def main() -> None:
    people = make_people(750000)
    by_age = sorted(people, key=lambda p: (p[2], p[0], p[1]))
    by_score = sorted(people, key=lambda p: p[3], reverse=True)
    people.sort(key=lambda p: (p[0], -p[2]))
    adults = [(p[0], p[2]) for p in people if p[2] >= 30]
    oldest = max(people, key=lambda p: p[2])
    check = 0
    for i in range(0, len(by_age), 97):
        check = (check * 31 + by_age[i][2] + len(by_score[i][0])) % 1000000007
    pairs: list[tuple[int, int]] = []
    for i in range(len(people) - 1):
        if people[i][0] == people[i + 1][0] and people[i][2] == people[i + 1][2]:
            pairs.append((i, people[i][2]))
    print(f"{len(people)} people, {len(adults)} aged 30+, {len(pairs)} equal neighbours, checksum {check}")
    print(f"youngest {by_age[0]}, best {by_score[0]}, first {people[0]}, oldest {oldest}")


if __name__ == "__main__":
    main()
