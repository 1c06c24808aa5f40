# enumerate() of a generator inside try: the consumer's exception leaves both loops for the handler
from typing import Iterator


def gen(n: int) -> Iterator[str]:
    for i in range(n):
        yield "w" * i


try:
    for i, w in enumerate(gen(4), 2):
        print(i, w)
        if i == 4:
            raise ValueError("stop")
except ValueError as e:
    print("caught", e)
