# corpus: edge: a, b = s.rsplit(...), s.split(...)[k:], s.rsplit(...)[k:] unpack the pieces without a list or slice: negative and past-the-end k, more than 16 pieces, whitespace and multi-character separators, the empty separator's error first, non-ASCII
def tryit(s: str, k: int) -> None:
    try:
        if k == 0:
            a, b = s.rsplit(" ", 2)[1:]
            print("r1", repr(a), repr(b))
        elif k == 1:
            a, b = s.rsplit(" ")
            print("r0", repr(a), repr(b))
        elif k == 2:
            a, b = s.split(",", 2)[1:]
            print("s1", repr(a), repr(b))
        elif k == 3:
            a, b = s.rsplit(maxsplit=2)[-2:]
            print("rw", repr(a), repr(b))
        elif k == 4:
            a, b, c = s.split("--")[17:]
            print("s5", repr(a), repr(b), repr(c))
        elif k == 5:
            a, b = s.rsplit("ab", 1)
            print("rab", repr(a), repr(b))
        elif k == 6:
            a, b = s.split()[-5:]
            print("sw", repr(a), repr(b))
        elif k == 7:
            a, b = s.rsplit("", 1)
            print("empty", a, b)
    except ValueError as e:
        print("ValueError", e)


def mixed(s: str) -> None:
    # targets that are not all str locals: the pieces come back as an array
    d: dict[str, str] = {}
    try:
        d["k"], b = s.rsplit(",", 1)
        print("m1", d, b)
    except ValueError as e:
        print("m1 ValueError", e)
    try:
        d["j"], c = s.split(",")[-2:]
        print("m2", d, c)
    except ValueError as e:
        print("m2 ValueError", e)


def main() -> None:
    samples = ["a b c", "x y", "one", "", "1 2 3 4 5", "a,b,c,d", "a,b", "  lead  and  trail  ", "ééé ü ñ ".strip(),
               "a--b--c--d--e--f--g--h", "--".join([str(i) for i in range(30)]), "--".join([str(i) for i in range(8)]), "--".join(["piece" + str(i) for i in range(20)]), " ".join(["w" + str(i) for i in range(17)]) + "  tail  x",
               "xxabyyabzz", "ab", "long piece number one is here abcdefghijklmnop second long piece is also here",
               " ".join(["w" + str(i) for i in range(40)]), "ü\u2003ü\u2003ü", "a\tb\nc"]
    for s in samples:
        for k in range(8):
            tryit(s, k)
        mixed(s)


if __name__ == "__main__":
    main()
