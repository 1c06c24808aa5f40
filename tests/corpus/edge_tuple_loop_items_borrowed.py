# corpus: edge: `for a, b in pairs:` borrowing str fields in place: copied numbers, `_`, non-ASCII and long strs, reads after the loop, bodies that change a list
def tally(pairs: list[tuple[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, n in pairs:
        out[name] = out.get(name, 0) + n
        n = n * 2  # a copied number rebound in the body
        if n > 10:
            out[name + "!"] = n
    return out


def widest(rows: list[tuple[str, str, float]]) -> str:
    best = ""
    for left, right, w in rows:
        line = f"{left:>6}|{right:<8}|{w:.1f}"
        if len(line) > len(best):
            best = line
    return best


def push(xs: list[tuple[str, int]], tag: str, c: int) -> None:
    if c < 4:
        xs.append((tag + tag, c + 2))


def main() -> None:
    pairs = [("a", 3), ("é", 4), ("a", 9), ("long name " * 3, 1), ("", 0)]
    print(tally(pairs))
    rows = [("x", "y", 1.5), ("ünï", "ç" * 9, -2.25), ("k" * 20, "", 0.0)]
    print(widest(rows))
    total = 0
    for _, k in pairs:
        total += k
    print(total)
    key, val = "none", -1
    for key, val in pairs:
        total += len(key) * val
    print(total, key, val)  # the last item read after the loop: kept as a copy
    seen: list[str] = []
    for word, m in pairs:
        if m > 3:
            seen.append(word)  # changes a list of another type, not the one looped over
    print(seen)
    for word in sorted(seen, reverse=True):  # the same name bound by a loop that copies
        print(word[::-1], word.isascii())
    key2 = "start"
    for key2, _ in pairs:
        key2 = key2 + "?"  # rebinds the variable: the loop copies
    for key2, _ in pairs[:2]:
        print(key2)
    print(key2)  # the last item after the loop
    grow = [("p", 1), ("q", 2)]
    for tag, c in grow:
        push(grow, tag, c)  # changes the list being looped over
    print(grow)
    single = [("only",), ("one",)]
    for (s,) in single:
        print(s.upper() + "é" * len(s))


main()
