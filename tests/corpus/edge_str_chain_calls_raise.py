# corpus: edge: str + chains whose operands are calls of user functions and methods that raise (caught in the same function, in the caller, RecursionError), chains of 2-10 pieces around the 14-byte inline size, non-ASCII


class Tag:
    def __init__(self, name: str) -> None:
        self.name = name

    def text(self, n: int) -> str:
        if n < 0:
            raise ValueError("negative " + self.name)
        return self.name * n


def piece(tag: str, n: int) -> str:
    print("piece", tag, n)
    if n == 3:
        raise KeyError(tag)
    return tag * n


def nest(n: int) -> str:
    if n == 0:
        return "x"
    return "(" + nest(n - 1) + ")"


def wrapped(n: int) -> str:
    try:
        return "[" + piece("a", 1) + "|" + piece("b", n) + "|" + piece("c", 2) + "]"
    except KeyError as e:
        return "caught " + str(e) + " in wrapped"


def show_big(n: int) -> str:
    return "<" + str(n % 7) + "|" + nest(n % 3) + ">"


def main() -> None:
    print(wrapped(2), wrapped(3))
    try:
        print("<" + piece("\u00e9", 2) + piece("z", 3) + ">")
    except KeyError as e:
        print("KeyError", e)
    t = Tag("ab")
    for n in (0, 1, 7, 8):
        print(repr("{" + t.text(n) + "," + t.text(n + 1) + "}"), len(t.text(n) + t.text(n) + t.text(n)))
    try:
        print("{" + t.text(1) + t.text(-1) + "}")
    except ValueError as e:
        print("ValueError", e)
    print(len(nest(50)), nest(3))
    try:
        print(len(nest(5000)))
    except RecursionError as e:
        print("RecursionError", e)
    a, b = "seven77", "\u2603" * 5
    for k in range(2, 11):
        parts = [a if i % 2 == 0 else b for i in range(k)]
        s = parts[0] + parts[1]
        if k == 2:
            print(len(s), s)
            continue
        joined = "".join(parts)
        chain = parts[0] + parts[1] + parts[2]
        if k >= 4:
            chain = parts[0] + parts[1] + parts[2] + parts[3] + piece("", k) + parts[-1] + parts[-2] + "."
        if k >= 9:
            chain = (parts[0] + parts[1] + parts[2] + parts[3] + parts[4] + parts[5] + parts[6] + parts[7]
                     + parts[8] + "!")
        print(k, len(chain), chain[:20], joined.startswith(chain[:10]))
    print("" + "" + piece("q", 0) + "", "a" + "bcdefghijklm" + "n", "a" + "bcdefghijklm" + "no")
    big = 1
    for _ in range(70):
        big = big * 2 + len(show_big(big))
    print(big)


main()
