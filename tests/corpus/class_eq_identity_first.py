# corpus: classes: containers compare objects identity-first (then __eq__), a direct == calls __eq__ only; __ne__ derived from __eq__
class Weird:
    def __init__(self, v: float) -> None:
        self.v = v

    def __eq__(self, other: "Weird") -> bool:
        print("eq called")
        return self.v == other.v and self.v == self.v

    def __repr__(self) -> str:
        return f"W({self.v})"


def main() -> None:
    nan = Weird(float("nan"))
    one = Weird(1.0)
    print(nan == nan, nan != nan, one == Weird(1.0), one != Weird(2.0))
    xs = [one, nan]
    print(nan in xs, Weird(1.0) in xs, xs.count(nan), xs.index(nan))
    print(xs == [one, nan], [nan] == [Weird(float("nan"))])
    xs.remove(nan)
    print(xs)


main()
