# corpus: edge: list[str] locals only appended to and joined (the joined text built in place): separators, lengths, len, errors, nesting
def lines_of(n: int, sep_word: str) -> str:
    out: list[str] = []
    for i in range(n):
        out.append(f"{i}:{i * 0.5}:{sep_word}")
    return "\n".join(out)


def sized(k: int) -> str:
    parts: list[str] = []
    for i in range(k):
        parts.append("ab"[i % 2])
    return "".join(parts)


def chain(xs: list[int]) -> str:
    fields: list[str] = []
    for x in xs:
        fields.append('"' + str(x) + '": [' + ", ".join([str(v) for v in range(x)]) + "]")
    return "{" + ", ".join(fields) + "}"


def counted(words: list[str]) -> str:
    acc: list[str] = []
    snaps: list[str] = []
    for w in words:
        acc.append(w.upper())
        snaps.append(f"{len(acc)}={'|'.join(acc)}")
    acc = []
    acc.append("after")
    return "; ".join(snaps) + " / " + "|".join(acc) + f" {len(acc)}"


def risky(xs: list[int]) -> str:
    out: list[str] = []
    for x in xs:
        out.append(f"<{10 // x}>")
    return ",".join(out)


def nested(depth: int) -> str:
    kids: list[str] = []
    for i in range(depth):
        kids.append(nested(i))
    return "(" + " ".join(kids) + ")"


def main() -> None:
    print(repr(lines_of(0, "x")), repr(lines_of(1, "é")), lines_of(3, "ü→"))
    for k in (0, 1, 7, 8, 9, 13, 14, 15, 16, 17, 40):
        s = sized(k)
        print(k, len(s), s, s.isascii())
    print(chain([]), chain([0]), chain([3, 1, 2]))
    print(counted([]))
    print(counted(["a", "bé", "c"]))
    for xs in ([1, 2, 5], [3, 0, 1], []):
        try:
            print(risky(xs))
        except ZeroDivisionError as e:
            print("error:", e)
    print(nested(4))
    text = lines_of(2000, "w")
    print(len(text), len(text.splitlines()), text[-20:])
    total = 0
    for i in range(300):
        total += len(chain([i % 5, 2]))
    print(total)


main()
