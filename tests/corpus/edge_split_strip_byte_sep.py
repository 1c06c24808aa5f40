# corpus: edge: [f.strip() for f in s.split(c)] by a one-byte separator, pieces indexed (a plain Vec) and kept (a list): piece lengths 0-17 and long, separators at the ends and doubled, non-ASCII text and whitespace (\x85 \xa0 \u3000 \x1c-\x1f)
WORDS = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklm", "abcdefghijklmn", "abcdefghijklmno",
         "abcdefghijklmnop", "abcdefghijklmnopq", "a piece of text longer than any inline str"]
PADS = ["", " ", "\t ", "\x1c\x1d", "\x1e\x1f ", "\x85", "\xa0 ", "\u3000", " é ", "ß"]


def first_last(line: str, sep: str) -> str:
    fields = [f.strip() for f in line.split(sep)]
    return fields[0] + "|" + fields[-1] + "|" + str(len(fields))


def lefts(line: str) -> str:
    fields = [f.lstrip() for f in line.split(";")]
    return fields[0] + "|" + fields[len(fields) - 1]


def rights(line: str) -> str:
    fields = [f.rstrip() for f in line.split(";")]
    return fields[0] + "|" + fields[len(fields) - 1]


def kept(line: str) -> list[str]:
    return [f.strip() for f in line.split(",")]


def main() -> None:
    for w in WORDS:
        for p in PADS:
            line = p + w + p + "," + p + w.upper() + "," + p
            print(repr(first_last(line, ",")), repr(first_last(line, ";")), kept(line))
            semi = p + w + p + ";" + w + p
            print(repr(lefts(semi)), repr(rights(semi)), repr(lefts(p)), repr(rights(w)))
    for line in [",", ",,", " , , ", "", "x", "東京,大阪 ,\u3000京都\u3000", "ǆ,Σ ,σας\x85", "a,b,c,d,e,f,g,h,i,j"]:
        fs = [f.strip() for f in line.split(",")]
        print(repr(line), len(fs), fs[0], fs[-1], kept(line))
    long = "  grace taylor ,   san francisco, 130.29 ;ok"
    body = long.strip().replace(";ok", "")
    fields = [f.strip() for f in body.split(",")]
    print(fields[0].title(), fields[1].upper().replace(" ", "_"), fields[2].rjust(8), len(fields))
    try:
        bad = [f.strip() for f in long.split("")]
        print(bad)
    except ValueError as e:
        print("ValueError", e)


if __name__ == "__main__":
    main()
