# corpus: edge: ljust/rjust/center into a join's buffer take the padded str's length in code points for every kind of str: literal, short, long, ASCII or not, pieces of a split, f-string results, strs grown by +=
def texts() -> list[str]:
    out: list[str] = ["", "a", "abc", "héllo", "日本語", "naïve café", "x" * 14, "y" * 15]
    long_ascii = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    out.extend(long_ascii.split(" ")[2:5])
    out.append(long_ascii[6:40])
    out.append(f"{len(long_ascii)}-{long_ascii[:20]}")
    out.append(f"é{long_ascii[:18]}")
    grown = ""
    for i in range(6):
        grown += "ab" if i % 2 == 0 else "ü"
        out.append(grown)
    mixed = "ünïcödé text that is long enough to live on the heap"
    out.append(mixed)
    out.extend(mixed.split(" ")[:3])
    out.append(mixed[2:30])
    return out


def main() -> None:
    items = texts()
    for s in items:
        for n in (0, len(s) - 1, len(s), len(s) + 1, 20, 33):
            row = " | ".join([s.ljust(n), s.rjust(n, "."), s.center(n, "é")])
            print(n, len(row), row)
    total = 0
    for s in items:
        total += len("[" + s.ljust(25, "-") + "]" + s.rjust(9))
    print("total", total)
    words = "the quick brown fox jumps over the lazy dog".split()
    print("/".join([w.center(7, "*") for w in words]))
    print(":".join([w.upper().rjust(6) + w.title().ljust(6, "_") for w in words]))


if __name__ == "__main__":
    main()
