# corpus: edge: a split bound to a local only indexed (xs[i], len(xs)): pieces, errors, rebinding, f-string lengths
LINES = [
    "  alice smith ,  paris, 130.29 ;ok",
    "",
    ",",
    "a",
    "abcdefg,abcdefgh,abcdefghi",
    "abcdefghijklmno,abcdefghijklmnop,abcdefghijklmnopq",
    "ß straße ,ǆemal ǆ, ΣΑΣ σας",
    "\u3000x\u3000,\x1cy\x1f,\tz\n",
    "a much longer piece of text than fits inline, and another long piece of text here, é",
]


def first_last(line: str) -> str:
    fields = [f.strip() for f in line.split(",")]
    n = len(fields)
    return f"{n}:{fields[0]!r}:{fields[-1]!r}:{fields[n - 1].upper()}"


def pick(line: str, k: int) -> str:
    parts = line.split(",", 1)
    try:
        return parts[k].title()
    except IndexError as e:
        return f"IndexError({e}) n={len(parts)}"


def rebind(line: str) -> int:
    ws = line.split()
    total = len(ws)
    ws = line.split(",")
    total += len(ws)
    if total > 3:
        ws = [w.rstrip() for w in line.split(" ")]
        return total + len(ws[0]) + len(ws[len(ws) // 2])
    return total


def sep_error(line: str, sep: str) -> str:
    try:
        xs = line.split(sep)
        return xs[0]
    except ValueError as e:
        return f"ValueError({e})"


def lengths(n: int) -> str:
    # f-string and join results of lengths around the inline limit and word boundaries:
    # len() of each (ASCII flag recorded when the text is copied)
    out = []
    for k in (0, 1, 7, 8, 9, 14, 15, 16, 17, 31, 32, 33):
        s = f"{'x' * k}"
        t = f"{'é' * k}{n}"
        u = " | ".join(["ab" * k, "ü" if k % 2 else "u"])
        out.append(f"{len(s)},{len(t)},{len(u)},{t[-1]},{u[k]}")
    return ";".join(out)


def main() -> None:
    for line in LINES:
        print(first_last(line))
        print(pick(line, 0), "|", pick(line, 1), "|", pick(line, -2), "|", pick(line, 2))
        print(rebind(line), sep_error(line, ","), sep_error(line, ""))
    print(lengths(7))


if __name__ == "__main__":
    main()
