# expect: generator @ 8
from typing import Iterator


def numbers(xs: list[str]) -> Iterator[int]:
    for x in xs:
        try:
            yield int(x)
        except:  # catches GeneratorExit too, when the consumer breaks
            print("bad", x)


for n in numbers(["1", "2"]):
    break
