# corpus: num: base conversion 2..36 both ways, digit sums, negative numbers, unannotated locals
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n > 0:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))


def from_base(s: str, base: int) -> int:
    neg = s.startswith("-")
    value = 0
    for ch in s.lstrip("-").lower():
        d = DIGITS.find(ch)
        if d < 0 or d >= base:
            raise ValueError(f"digit {ch!r} invalid for base {base}")
        value = value * base + d
    return -value if neg else value


def main() -> None:
    for n in [0, 5, 255, -255, 1000, 48879, 9223372036854775807]:
        b2, b16, b36 = to_base(n, 2), to_base(n, 16), to_base(n, 36)
        print(f"{n:>20}: b16={b16:<17} b36={b36:<14} bits={len(b2.lstrip('-'))}")
        assert from_base(b16, 16) == n and from_base(b36, 36) == n
    for s, b in [("ff", 16), ("777", 8), ("zz", 36), ("1012", 2), ("-101", 2)]:
        try:
            print(f"{s!r} base {b} = {from_base(s, b)}")
        except ValueError as e:
            print("error:", e)
    print("digit sum of 2**60:", sum(int(c) for c in str(2 ** 60)))


if __name__ == "__main__":
    main()
