# corpus: edge: str + a local read twice, ASCII capitalize/swapcase, replace with many hits, ljust/rjust, sorted/list copies keep CPython's results
def main() -> None:
    s = "ab"
    s = s + s
    s = s + "-" + s
    print(s, len(s))
    for t in ["hello WORLD", "", "x", "1abc DEF", "mIxEd CaSe AnD a LoNgEr TeXt, past 22 bytes", "ßtraße Ǆ", "_under score"]:
        print(repr(t.capitalize()), repr(t.swapcase()), repr(t.title()))
    line = "a,b,,c," * 5
    print(line.replace(",", ";"), line.replace(",", "", 3), line.replace(",,", "<>"), line.replace("q", "z"))
    print(("x" * 30).replace("x", "yz", 20))
    print(repr("ab".ljust(20, "*")), repr("ab".rjust(3)), repr("é".center(9, "-")), repr("abc".ljust(2)))
    xs = [3, 1, 2]
    ys = sorted(xs)
    zs = list(xs)
    xs.append(0)
    ys.append(9)
    print(xs, ys, zs)
    names = ["b", "a", "c"]
    by = sorted(names, key=lambda n: n, reverse=True)
    names[0] = "z"
    print(names, by)


if __name__ == "__main__":
    main()
