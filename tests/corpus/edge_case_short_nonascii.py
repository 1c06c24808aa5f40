# corpus: edge: upper/lower/title of short texts (0-17 bytes, inline or not) with a non-ASCII character at each position: İ ß ǆ Σ é ﬁ µ and \x85 \xa0 \u3000 (the ASCII test made on the text's words)
BASE = "ab cD eF'gH iJk-lm nOp"
SPECIAL = ["İ", "ß", "ǆ", "Σ", "é", "ﬁ", "µ", "\x85", "\xa0", "\u3000", "\x7f", "1"]


def show(t: str) -> str:
    return repr(t.upper()) + " " + repr(t.lower()) + " " + repr(t.title()) + " " + str(len(t.upper()))


def main() -> None:
    for n in (0, 1, 2, 7, 8, 9, 13, 14, 15, 16, 17, 22):
        t = BASE[:n]
        print(n, show(t))
        for c in SPECIAL:
            for at in sorted({0, n // 2, max(n - 1, 0), n}):
                u = t[:at] + c + t[at:]
                print(n, at, repr(c), show(u), u.upper().lower() == u.lower(), len(u.title()))
    for w in ["ΣΑΣ", "σας Σ", "ὈΔΥΣΣΕΎΣ", "ǅungla", "ﬂour ﬁsh", "straße", "İstanbul", "MAẞE", "a\u0345b"]:
        print(show(w), show(w + " " + w))


if __name__ == "__main__":
    main()
