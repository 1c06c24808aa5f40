# explicit float() stays a float conversion in comparisons; 'f() is None' still calls f; Optional[int] positions and slice bounds (None = default)
from typing import Optional


def f(s: str, start: Optional[int] = None) -> int:
    return s.count("a", start)


def cut(s: str, a: Optional[int] = None, b: Optional[int] = None) -> str:
    return s[a:b]


def g() -> None:
    print("called g")


def main() -> None:
    a = 2 ** 53 + 1
    b = 2 ** 53
    print(float(a) == float(b), float(a) > float(b), a == float(b), float(a) == b)
    i = 9223372036854775807
    print(float(i) == 9.223372036854776e18)
    xs = [1]
    print(xs.append(2) is None, xs)
    d = {1: 2}
    print(d.clear() is not None, d)
    print(g() is None)
    print(f("banana"), f("banana", 2), cut("hello", 1), cut("hello", None, -1), cut("hello"))


main()
