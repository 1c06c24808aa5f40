# corpus: set(...) and dict(...) of generator expressions: vocabulary and letter statistics of a short text

TEXT = """the cat sat on the mat
the dog sat on the log
a cat and a dog"""


def main() -> None:
    lines = TEXT.splitlines()
    vocab = set(w for line in lines for w in line.split())
    print(len(vocab), sorted(vocab))
    lengths = dict((w, len(w)) for w in sorted(vocab))
    print(lengths)
    first_letters = set(w[0] for w in vocab if len(w) > 2)
    print(sorted(first_letters), len(first_letters))
    per_line = dict((i, len(set(line.split()))) for i, line in enumerate(lines))
    print(per_line)
    counts = dict((c, TEXT.count(c)) for c in sorted(set(TEXT.replace("\n", "").replace(" ", ""))))
    print(counts)
    print(sum(set(len(w) for w in vocab)), max(set(map(len, vocab))), min(set(filter(None, map(len, vocab)))))


if __name__ == "__main__":
    main()
