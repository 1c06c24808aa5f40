# expect: generator @ 8
from typing import Iterator


def lines(n: int) -> Iterator[str]:
    try:
        for i in range(n):
            yield "a" * i
    finally:
        print("closed")  # CPython runs this when the consumer breaks (GeneratorExit)


for s in lines(3):
    if s:
        break
