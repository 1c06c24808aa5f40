# corpus: numeric: big-int edge cases found by adversarial testing (ranges, enumerate, limits, errors)
import math

M = 9223372036854775807


def attempt(what: str, n: int) -> None:
    try:
        if what == "insert":
            xs = [1, 2, 3]
            xs.insert(n, 9)
            print("inserted", xs)
        elif what == "pop":
            print("popped", [1, 2].pop(n))
        elif what == "len":
            print("len", len(range(-n, n)))
        else:
            print("shift", (1 << n) > 0)
    except OverflowError as e:
        print(what, "OverflowError:", e)


def main() -> None:
    big = 2 ** 70
    small = 5
    print(small in range(10), big in {big: 1}.keys(), big in {1: big}.values(), small in range(0, 10, 3))
    print(big + 1 in range(big, big + 5), big in range(0, 10), 10 ** 18 in range(0, 10 ** 18 + 1, 2))
    print([i for i in range(big, big + 3)], list(range(big + 5, big, -2)), len(range(0, big, 2 ** 66)))
    for i, c in enumerate("abcd", M - 1):
        print(i, c)
    print(list(enumerate("ab", -big)))
    print(math.gcd(-M - 1, 0), math.gcd(0, -M - 1), math.lcm(-M - 1, 1))
    for what in ("insert", "pop", "len", "shift"):
        attempt(what, big)
    attempt("len", M)
    print(math.log(10 ** 400, 10), math.log(2 ** 2000, 2 ** 1500), math.log(3, 10 ** 400))
    for text in ("0" * 5000 + "7", "-" + "0" * 4301, "1" * 4300):
        try:
            print("parsed", len(str(int(text))))
        except ValueError as e:
            print("ValueError:", str(e)[:45])
    z = 10 ** 4400
    try:
        print("value:", z)
    except ValueError:
        print("VE")
    print(small, big)


main()
