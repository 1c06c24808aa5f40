# corpus: text: word frequency with dict counting, punctuation stripping, top-k by (-count, word)
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""

PUNCT = ".,;:!?\"'"


def words(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split():
        w = raw.strip(PUNCT).lower()
        if w:
            out.append(w)
    return out


def frequencies(ws: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


def main() -> None:
    ws = words(TEXT)
    counts = frequencies(ws)
    print(f"{len(ws)} words, {len(counts)} distinct, {len(TEXT.splitlines())} lines")
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    for rank, (w, c) in enumerate(top, 1):
        bar = "*" * c
        print(f"{rank:>2}. {w:<12}{c:>3} {bar}")
    singles = sorted(w for w, c in counts.items() if c == 1)
    print("hapax legomena:", ", ".join(singles))
    longest = max(counts, key=lambda w: (len(w), w))
    print("longest word:", longest, len(longest))
    print("first-seen order:", list(counts)[:6])


if __name__ == "__main__":
    main()
