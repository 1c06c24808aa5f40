# corpus: parse: roman numerals both directions, validation by round-trip, ValueError on bad input
VALUES: list[tuple[int, str]] = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
SINGLE: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(f"out of range: {n}")
    out = ""
    for value, sym in VALUES:
        while n >= value:
            out += sym
            n -= value
    return out


def from_roman(s: str) -> int:
    total = 0
    for i, ch in enumerate(s):
        if ch not in SINGLE:
            raise ValueError(f"bad numeral character {ch!r} in {s!r}")
        v = SINGLE[ch]
        if i + 1 < len(s) and SINGLE.get(s[i + 1], 0) > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise ValueError(f"non-canonical numeral {s!r} (did you mean {to_roman(total)}?)")
    return total


def main() -> None:
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        r = to_roman(n)
        print(f"{n:>5} -> {r:<12} -> {from_roman(r)}")
    for s in ["MCMXCIV", "IIII", "IC", "XLII", "ABC", "MMXXV"]:
        try:
            print(f"{s} = {from_roman(s)}")
        except ValueError as e:
            print(f"{s}: error: {e}")
    for n in [0, 4000, -5]:
        try:
            print(to_roman(n))
        except ValueError as e:
            print("error:", e)


if __name__ == "__main__":
    main()
