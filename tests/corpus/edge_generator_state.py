# generators and state: a global updated between yields, a nested generator reading its parent's
# variable, generators inside recursion, a set kept across yields, a consumer that grows the list
# the generator loops over, and one that changes the dict a generator loops over (RuntimeError)
from typing import Iterator

total = 0


def counter(n: int) -> Iterator[int]:
    global total
    for i in range(n):
        total += i
        yield total


def outer(n: int) -> Iterator[str]:
    def inner(k: int) -> Iterator[str]:
        for j in range(k):
            yield f"{n}-{j}"
    for k in range(n):
        yield from inner(k)


def deep(n: int) -> int:
    if n == 0:
        return sum(counter(3))
    return sum(x for x in counter(n)) + deep(n - 1)


def gen_with_state(words: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for w in words:
        if w in seen:
            continue
        seen.add(w)
        yield w


print(list(counter(4)), total)
print(list(outer(3)))
print(deep(3), total)
print(list(gen_with_state(["a", "b", "a", "c", "b"])))
words = ["x", "y"]
for w in gen_with_state(words):
    words.append(w + "!")
    if len(words) > 6:
        break
print(words)
d = {"a": 1, "b": 2}


def keys(dd: dict[str, int]) -> Iterator[str]:
    for k in dd:
        yield k


try:
    for k in keys(d):
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
