# corpus: text: group anagrams by sorted-letter key, dict of lists, sorted output
WORDS = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac",
         "dog", "god", "odg", "bird", "inlets", "tinsel", "banana"]


def signature(w: str) -> str:
    return "".join(sorted(w))


def letter_counts(w: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in w:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def main() -> None:
    groups: dict[str, list[str]] = {}
    for w in WORDS:
        groups.setdefault(signature(w), []).append(w)
    print(f"{len(WORDS)} words in {len(groups)} groups")
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        members = groups[key]
        print(f"{key:<8} {len(members)}: {' '.join(sorted(members))}")
    print(letter_counts("banana"))
    print(letter_counts("mississippi"))
    a, b = "Dormitory", "Dirty room"
    same = signature(a.lower().replace(" ", "")) == signature(b.lower().replace(" ", ""))
    print(f"{a!r} vs {b!r}: {same}")


if __name__ == "__main__":
    main()
