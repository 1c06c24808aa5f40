# ljust/rjust/center written straight into a join's or a `+` chain's buffer: the same text,
# the same errors, the same order of evaluation as making each padded str first.


def tag(s: str) -> str:
    print("eval", s)
    return s


def main() -> None:
    words = ["a", "héllo", "", "naïve café", "x" * 20, "日本"]
    for w in words:
        for n in (-1, 0, 3, 8, 13, 14, 15, 23):
            print(" | ".join([w.ljust(n), w.rjust(n, "*"), w.center(n, "é")]) + ".")
            print("[" + w.center(n) + "]" + w.rjust(n, "-") + "|" + w.ljust(n, "日"))
    for n in range(0, 9):
        print(repr("ab".center(n, "-")), repr("abc".center(n)), repr("".center(n, "+")))
    print("/".join([tag("p").ljust(4, "."), tag("q").rjust(3), tag("r")]))
    print(tag("s").center(7, "~") + tag("t") + tag("u").ljust(3, "_"))
    sep = "::"
    print(sep.join([f"{len(w)}".rjust(3) for w in words]))
    print(sep.join([w.rjust(6) for w in words if w]))
    w = words[-1]
    print(sep.join([f"<{w}>", w.ljust(12, "."), f"{w!r:>10}"]))
    try:
        print(" ".join([tag("ok").ljust(5), tag("bad").ljust(5, "ab"), tag("never")]))
    except TypeError as e:
        print("TypeError", e)
    try:
        print("<" + tag("ok").rjust(5) + tag("bad").center(5, "") + ">")
    except TypeError as e:
        print("TypeError", e)
    s = "abc"
    print("|".join([s.ljust(len(s := "wxyz") + 2), s]))
    print(s.rjust(2 + len(s := "q")) + s)


main()
