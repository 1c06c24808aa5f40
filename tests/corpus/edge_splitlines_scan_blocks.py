# corpus: edge: splitlines and its loop over lines: breaks at every offset of 8/16-byte blocks, \r\n across blocks, control bytes that are not breaks
BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
NOT_BREAKS = ["\t", "\x00", "\x1f", "\x01", " "]


def lines_of(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        out.append(line)
    return out


def check(text: str) -> str:
    a = lines_of(text)
    b = text.splitlines()
    c = len(text.splitlines())
    return f"{len(a)} {c} {a == b} {sum(len(x) for x in a)}"


def main() -> None:
    results: list[str] = []
    for n in (0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47):
        for br in BREAKS:
            body = "x" * n
            results.append(check(body + br + "tail"))
            results.append(check(body + br))
            results.append(check(br + body + br + br + body))
        for nb in NOT_BREAKS:
            results.append(check("a" * n + nb + "b" * n + "\n" + nb * n))
    print(len(results))
    print(" | ".join(results[:40]))
    print(" | ".join(results[-30:]))
    big = "\n".join([f"id={i};t={i * 0.25};\tk" for i in range(500)]) + "\r\n" + "é\nlast"
    ls = lines_of(big)
    print(len(ls), repr(ls[0]), repr(ls[499]), repr(ls[-2]), repr(ls[-1]))
    for text in ("", "\n", "\r\n", "\n\n", "a\r\r\nb", "ab\x1c\x1d\x1ecd" * 3, "x" * 15 + "\r" + "\n" + "y"):
        print(repr(text), lines_of(text), len(text.splitlines()))
    mixed = ("0123456789abcde\r\n0123456789abcdef\t\n" * 5)
    print(lines_of(mixed)[:3], len(mixed.splitlines()))


main()
