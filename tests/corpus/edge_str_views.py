# corpus: edge: long pieces of strs (split, splitlines, strip, slices, partition, replace/ljust
# with nothing to do) share their string's memory; appending to either side must not show
# through, and pieces of non-ASCII text must index by code points
def pieces(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        for field in line.split(";"):
            out.append(field.strip())
    return out


def main() -> None:
    base = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    text = f"  {base}  ;{base.upper()}\n{base[6:40]};  short ;{base[::-1]}\n"
    ps = pieces(text)
    for p in ps:
        print(len(p), repr(p))
    whole = ps[0].strip()
    same = whole.replace("xyz", "abc")
    wide = whole.ljust(10)
    print(whole == same == wide, whole is not None)
    whole += " and more"
    print(whole)
    print(ps[0])
    view = base[6:40]
    base += "!"
    view += "?"
    print(view, "|", base)
    head, sep, tail = "key-with-a-long-name = value with a long tail".partition(" = ")
    print(head, sep, tail, len(head), len(tail))
    head, sep, tail = "a much longer left part := and a right part".rpartition(" := ")
    print(head.upper(), tail.title())
    uni = "éèê ünïcödé text with accents àáâ and more ASCII after it"
    for w in uni.split(" and "):
        print(len(w), w[0], w[-1], w[3:12], w.upper())
    for w in uni[1:].split():
        print(w, len(w), w[::-1])
    lit = "a literal that is long enough, to be split, into long pieces".split(", ")
    print(lit, [len(x) for x in lit])
    k, v = "long key name here=long value text here".split("=")
    counts: dict[str, int] = {}
    for word in (k + " " + v + " " + k).split(" "):
        counts[word] = counts.get(word, 0) + 1
    counts[k] = counts.get(k, 0) + 10
    print(counts)
    rows = [line.split(",") for line in "first column value,second column value\nthird column value,x".splitlines()]
    rows[0][0] += " (changed)"
    print(rows)
    mid = "0123456789abcdefghijklmnopqrstuvwxyz"[5:30]
    print(mid, mid[2:20], mid[2:20][3:15], len(mid[2:20][3:15]))


main()
