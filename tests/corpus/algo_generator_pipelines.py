# everyday generator pipelines: an endless Fibonacci generator cut by a consumer (past 64 bits),
# chunks of a list (the consumer changes the chunk it got), flatten with yield from, the lines
# of a text without comments and blanks
from typing import Iterator


def fib() -> Iterator[int]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n: int) -> list[int]:
    out: list[int] = []
    for v in fib():
        if len(out) >= n:
            break
        out.append(v)
    return out


def chunks(xs: list[int], k: int) -> Iterator[list[int]]:
    for i in range(0, len(xs), k):
        yield xs[i:i + k]


def flatten(rows: list[list[int]]) -> Iterator[int]:
    for r in rows:
        yield from r


def lines(text: str) -> Iterator[str]:
    for ln in text.splitlines():
        s = ln.strip()
        if not s or s.startswith("#"):
            continue
        yield s


print(take(10), next((v for v in fib() if v > 100), -1))
print(list(chunks(list(range(7)), 3)), list(flatten([[1], [], [2, 3]])))
print(list(lines("a\n  # c\n\n b \n")))
big = [v for v in take(100)][-1]
print(big)
print(sum(1 for _ in lines("x\ny\n#z")), max(len(c) for c in chunks([1, 2, 3, 4, 5], 2)))
for i, ch in enumerate(chunks([9, 8, 7], 2)):
    ch.append(i)
    print(ch)
