# corpus: edge: f-strings of strs and ints (plain, {n:02d}, {n:5}) built in one piece: lengths 0-33, signs, non-ASCII
def show(s: str) -> str:
    return f"{len(s)}:{s!r}:{s[-1:]}:{s[len(s) // 2:]}"


def ints(n: int) -> list[str]:
    return [f"{n}", f"{n:02d}", f"{n:03}", f"{n:>6}", f"{n:8d}", f"[{n:015d}]", f"<{n:20}>", f"{n}{n}{n}"]


def pieces(a: str, b: str, n: int) -> list[str]:
    return [f"{a}", f"{a}{b}", f"{a} {b} {n}", f"{a}.{n:02d}.{b}", f"{b}{a}{n:4}{a}{b}", f"x{a}y", f"{a}{a}{a}{a}{a}"]


def evaluated(xs: list[int]) -> str:
    # fields evaluated left to right, once each; an error in one stops the rest
    def take() -> int:
        xs.append(len(xs))
        return xs[-1]
    try:
        return f"{take()}-{take():03d}-{xs[10]}-{take()}"
    except IndexError:
        return f"IndexError after {xs}"


def main() -> None:
    for n in (0, 1, -1, 7, -7, 99, 100, -100, 12345678, -12345678, 123456789, 10 ** 13, -10 ** 13, 2 ** 62, -2 ** 62 - 5):
        print(" ".join(ints(n)))
    words = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop",
             "abcdefghijklmnopq", "é", "日本語", "ß straße", "\u3000"]
    for a in words:
        for b in ("", "z", "é"):
            for s in pieces(a, b, len(a) - 3):
                print(show(s))
    print(evaluated([]))
    print(evaluated([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))
    ok = True
    print(f"{ok} {ok!r} {3.5} {'q'!r} {None}")


if __name__ == "__main__":
    main()
