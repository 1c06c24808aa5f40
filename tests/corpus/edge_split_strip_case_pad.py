# corpus: edge: [f.strip() for f in s.split(sep)] in one pass, short ASCII upper/lower/title by words, padding and " " * n
LINES = [
    "  alice smith ,  paris, 130.29 ;ok",
    "\u3000bob\u3000,\x1cnew york\x1f,\t7.05\n",
    ",,  , ",
    "",
    "   ",
    "ß straße ,ǆemal ǆ, ΣΑΣ σας",
    "a-b c'd e1f_g`h{i@j[k, Z@z[a`A{, mIxEd CaSe wOrDs here",
    "a much longer piece of text than fits inline, and another long piece of text here",
]


def fields(line: str) -> list[str]:
    return [f.strip() for f in line.split(",")]


def lefts(line: str) -> list[str]:
    return [f.lstrip() for f in line.split(",")]


def rights(line: str) -> list[str]:
    return [f.rstrip() for f in line.split()]


def main() -> None:
    for line in LINES:
        fs = fields(line)
        print(fs, lefts(line), rights(line))
        for f in fs:
            print(repr(f.title()), repr(f.upper()), repr(f.lower()))
            print(repr(f.ljust(16)), repr(f.rjust(9, "*")), repr(f.center(11, "é")))
    words = ["", "a", "zZ", "@[`{", "hello wORLD 3rd", "x" * 14, "y" * 22, "o'neil mcdonald-smith"]
    for w in words:
        print(w.title(), w.upper(), w.lower(), "|" + w.ljust(20) + "|" + w.rjust(3) + "|")
    for n in range(-1, 25, 4):
        pad = " " * n
        print(repr(pad), len(pad), repr("ab" * n), repr("é" * (n // 2)), repr("-=" * n + "|"))
    total = 0
    for i in range(300):
        line = f"{' ' * (i % 3)}name{i} ,{' ' * (i % 4)} city {i % 7}, {i}.{i % 100:02d} ;ok"
        parts = [p.strip() for p in line.strip().replace(";ok", "").split(",")]
        total += len(" | ".join([parts[0].title().ljust(12), parts[1].upper(), parts[2].rjust(8)]))
    print(total)
    try:
        print([f.strip() for f in "a,b".split("")])
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
