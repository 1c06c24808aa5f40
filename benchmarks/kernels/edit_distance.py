# kernel: Levenshtein edit distance between generated words (DP over strings with rows as lists)

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "an", "el", "or", "ux"]


def make_words(n: int) -> list[str]:
    words: list[str] = []
    x = 2718
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        parts = [SYLLABLES[(x // (13 ** k)) % 12] for k in range(2 + x % 5)]
        words.append("".join(parts))
    return words


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]


def main() -> None:
    words = make_words(720)
    total = 0
    closest = (100, "", "")
    for i in range(len(words)):
        for j in range(i + 1, len(words)):
            d = distance(words[i], words[j])
            total += d
            if d < closest[0] or (d == closest[0] and (words[i], words[j]) < (closest[1], closest[2])):
                if words[i] != words[j]:
                    closest = (d, words[i], words[j])
    print(f"{len(words)} words, total distance {total}, closest {closest}")


if __name__ == "__main__":
    main()
