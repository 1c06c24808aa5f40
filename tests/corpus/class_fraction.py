# corpus: classes: an exact Fraction value class: normalisation in __init__, arithmetic and reflected dunders with ints, __eq__/__hash__/__lt__, sums and sorting
import math


class Frac:
    def __init__(self, num: int, den: int = 1) -> None:
        if den == 0:
            raise ZeroDivisionError("zero denominator")
        g = math.gcd(num, den)
        if den < 0:
            g = -g
        self.num = num // g
        self.den = den // g

    def __add__(self, o: "Frac") -> "Frac":
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)

    def __sub__(self, o: "Frac") -> "Frac":
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)

    def __mul__(self, o: "Frac") -> "Frac":
        return Frac(self.num * o.num, self.den * o.den)

    def __truediv__(self, o: "Frac") -> "Frac":
        return Frac(self.num * o.den, self.den * o.num)

    def __neg__(self) -> "Frac":
        return Frac(-self.num, self.den)

    def __eq__(self, o: "Frac") -> bool:
        return self.num == o.num and self.den == o.den

    def __hash__(self) -> int:
        return self.num * 1000003 + self.den

    def __lt__(self, o: "Frac") -> bool:
        return self.num * o.den < o.num * self.den

    def __repr__(self) -> str:
        return f"{self.num}/{self.den}" if self.den != 1 else f"{self.num}"


def harmonic(n: int) -> Frac:
    total = Frac(0)
    for k in range(1, n + 1):
        total = total + Frac(1, k)
    return total


def main() -> None:
    a, b = Frac(1, 2), Frac(-3, 4)
    print(a + b, a - b, a * b, a / b, -b, Frac(6, -8), Frac(0, 5))
    print(harmonic(10), a == Frac(2, 4), a != b, b < a, sorted([a, b, Frac(1, 3), Frac(-1)]))
    print(max([a, b, Frac(5, 9)]), min(Frac(7, 3), Frac(9, 4)), len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}))
    try:
        print(a / Frac(0))
    except ZeroDivisionError as e:
        print("error:", e)
    counts: dict[Frac, int] = {}
    for n in range(1, 7):
        for d in range(1, 7):
            f = Frac(n, d)
            counts[f] = counts.get(f, 0) + 1
    print(len(counts), counts[Frac(1)], counts[Frac(1, 2)])


main()
