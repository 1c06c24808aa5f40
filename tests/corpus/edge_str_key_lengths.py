# corpus: edge: dict and set keys of strs of every length 0 to 40 made in different ways (literals, split pieces, slices, concatenations, joins, long views) found by one another, tuple keys of them, joins of in-range and out-of-range slices with one- and two-byte separators


def make_words() -> list[str]:
    out: list[str] = []
    for n in range(41):
        out.append("".join(chr(97 + (k * 7 + n) % 26) for k in range(n)))
    return out


def seen_later(pieces: list[str]) -> set[str]:
    return set(pieces)


def main() -> None:
    words = make_words()
    text = " ".join(words)
    pieces = text.split()
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    for p in pieces:
        counts[p] = counts.get(p, 0) + 10
    for w in words:
        built = w[:len(w) // 2] + w[len(w) // 2:]
        if built in counts:
            counts[built] += 100
        else:
            counts[built] = 1
    print(len(counts), sorted(counts.values())[:3], sum(counts.values()))
    print(counts["abcdefgh"[0:0]], counts.get("hovcjqxelszgnubipwdk", -1), "ab" in counts)
    for lit in ["hovcjqx", "ipwdkryf", "jqxelszgn", "ovcjqxelszgnub", "pwdkryfmtahovcj",
                "qxelszgnubipwdkr", "ryfmtahovcjqxelsz", "wdkryfmtahovcjqxelszgn", "xelszgnubipwdkryfmtahov"]:
        print(len(lit), counts[lit], lit in seen_later(pieces), (lit, lit[:3]) in {(w, w[:3]) for w in words})
    seen = {p for p in pieces}
    print(len(seen), all(w in seen for w in words if w), "" in seen)
    pairs: dict[tuple[str, str], int] = {}
    for i in range(len(pieces) - 1):
        key = (pieces[i], pieces[i + 1])
        pairs[key] = pairs.get(key, 0) + 1
    for i in range(len(words) - 1):
        if words[i] and (words[i], words[i + 1]) in pairs:
            pairs[(words[i], words[i + 1])] += 1
    print(len(pairs), max(pairs.values()), min(pairs.values()))
    tri: dict[str, int] = {}
    for i in range(len(pieces) + 2):
        k3 = " ".join(pieces[i:i + 3])
        k2 = "--".join(pieces[i - 1:i + 1])
        tri[k3] = tri.get(k3, 0) + 1
        tri[k2] = tri.get(k2, 0) + 2
    print(len(tri), sorted(len(k) for k in tri)[:6], tri.get("", 0))
    short = ["x", "yz", "", "abc"]
    print("|".join(short[1:3]), "/".join(short[-3:]), ",".join(short[2:99]), repr("".join(short[3:1])))
    try:
        print(counts["not there at all, a long key"])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(pairs[("a", "")])
    except KeyError as e:
        print("KeyError", e)


if __name__ == "__main__":
    main()
