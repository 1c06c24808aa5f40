# a yield inside try/except: the generator's own errors meet its handlers, the consumer's never
# do (CPython raises them in the consumer's frame), nor does an early break; else-clauses
from typing import Iterator


def parse_ints(lines: list[str]) -> Iterator[int]:
    for line in lines:
        try:
            yield int(line)
        except ValueError:
            print("skip", repr(line))
            continue
        print("after", line)


def safe_div(xs: list[int]) -> Iterator[float]:
    for x in xs:
        try:
            v = 100 / x
        except ZeroDivisionError:
            yield -1.0
        else:
            yield v


def main() -> None:
    print(list(parse_ints(["1", "x", "3"])))
    try:
        for n in parse_ints(["5", "bad", "7"]):
            if n == 7:
                raise ValueError("consumer")
            print("n", n)
    except ValueError as e:
        print("outer caught", e)
    for n in parse_ints(["1", "2"]):
        print("first", n)
        break
    print(list(safe_div([5, 0, 20])))
    for v in safe_div([0, 1]):
        try:
            print(1 / (v + 1))
        except ZeroDivisionError:
            print("consumer zero")


main()
