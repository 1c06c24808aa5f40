# kernel: word, bigram and trigram counting in dicts over a generated text

WORDS = ["the", "a", "cat", "dog", "sat", "on", "mat", "ran", "to", "house", "big", "small",
         "red", "green", "quick", "lazy", "fox", "jumps", "over", "under", "and", "then"]


def generate(n: int) -> str:
    out: list[str] = []
    x = 2024
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(WORDS[(x // 1024) % 22])
        if x % 17 == 0:
            out.append("\n")
    return " ".join(out)


def main() -> None:
    text = generate(4000000)
    words = text.split()
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    bigrams: dict[tuple[str, str], int] = {}
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        bigrams[key] = bigrams.get(key, 0) + 1
    trigrams: dict[str, int] = {}
    for i in range(len(words) - 2):
        key3 = " ".join(words[i:i + 3])
        if key3 in trigrams:
            trigrams[key3] += 1
        else:
            trigrams[key3] = 1
    top_words = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    top_bi = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    top_tri = sorted(trigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print(f"{len(words)} words, {len(counts)} distinct, {len(bigrams)} bigrams, {len(trigrams)} trigrams")
    print(top_words)
    print(top_bi)
    print(top_tri)


if __name__ == "__main__":
    main()
