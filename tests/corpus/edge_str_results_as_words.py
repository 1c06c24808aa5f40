# corpus: edge: strs returned by the runtime's out-of-line str functions (joins of slices,
# f-strings, title/upper/replace, repetition, ljust/rjust joins, str(list)) built as whole words:
# inline results of every length up to 14 bytes, heap results just past it, empty and non-ASCII
# text, results used as dict keys, measured, sliced and appended to

WORDS = ["a", "to", "the", "house", "jumps", "", "naïve", "日本", "over", "x" * 13]


def joined_keys(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in range(len(words) - 2):
        key = " ".join(words[i:i + 3])
        counts[key] = counts.get(key, 0) + 1
    return counts


def fstrings(n: int) -> list[str]:
    out: list[str] = []
    for i in range(n):
        pad = " " * (i % 3)
        w = WORDS[i % len(WORDS)]
        out.append(f"{pad}{w}{i}")
        out.append(f"{w}-{i * 7919 % 1000:03d}-{w}{pad}|")
    return out


def cased(words: list[str]) -> list[str]:
    res: list[str] = []
    for w in words:
        res.append(w.title())
        res.append(w.upper().replace(" ", "_"))
        res.append(w.replace("o", "0"))
        res.append((w + " " + w).upper().replace(" ", "_"))
        res.append(" | ".join([w.ljust(6), w.rjust(3)]))
        res.append(w * 3)
    return res


def main() -> None:
    words = WORDS * 3 + [w.upper() for w in WORDS]
    counts = joined_keys(words)
    for k in sorted(counts):
        print(repr(k), len(k), counts[k], k[1:-1], k[::-1][:4])
    fs = fstrings(24)
    print(len(fs), sum(len(s) for s in fs), [len(s) for s in fs])
    print(fs[:6], fs[-4:])
    cs = cased(WORDS)
    for c in cs:
        print(repr(c), len(c), c[:2], c[-2:])
    acc = ""
    for c in cs[:12]:
        t = c.title()
        t += "!"
        acc += t
    print(repr(acc), len(acc))
    seen: dict[str, int] = {}
    for c in cs:
        seen[c.upper()] = seen.get(c.upper(), 0) + len(c)
    print(sorted(seen.items())[:8], len(seen))
    print(str([w.title() for w in WORDS]), str(len(WORDS) * 1234567) + "x")


if __name__ == "__main__":
    main()
