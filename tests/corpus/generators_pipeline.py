# generators as pipelines: a recursive in-order walk (yield from itself), a tokenizer of lines,
# a generator that raises while the consumer loops, a consumer that raises, a consumer that
# returns from inside try/finally, break out of a chain of yield from (the rest never runs),
# Counter/set/dict/sorted/deque/list.extend/enumerate of a generator
from typing import Iterator
from collections import Counter, deque


def walk(t: list[int], i: int) -> Iterator[int]:
    # a heap-shaped binary tree in a list: node i has children 2i+1 and 2i+2
    if i >= len(t):
        return
    yield from walk(t, 2 * i + 1)
    yield t[i]
    yield from walk(t, 2 * i + 2)


def risky(xs: list[int]) -> Iterator[float]:
    for x in xs:
        print("risky", x)
        yield 10 / x


def outer() -> Iterator[str]:
    print("outer start")
    for w in ["a", "b", "c"]:
        yield w
    print("outer middle")
    yield from inner()
    print("outer end")


def inner() -> Iterator[str]:
    print("inner start")
    yield "x"
    yield "y"
    print("inner end")


def find(target: str) -> int:
    i = 0
    try:
        for w in outer():
            if w == target:
                return i
            i += 1
    finally:
        print("find finally", target)
    return -1


def words(text: str) -> Iterator[str]:
    for line in text.splitlines():
        for w in line.split():
            if w.startswith("#"):
                break
            yield w.lower()


def noisy(n: int) -> Iterator[int]:
    i = 0
    while True:
        i += 1
        if i % 3 == 0:
            continue
        if i > n:
            break
        yield i


def make_counter(base: int) -> int:
    def scaled(xs: list[int]) -> Iterator[int]:
        for x in xs:
            yield x * base
    return sum(scaled([1, 2, 3]))


def nones(k: int):
    for _ in range(k):
        yield


def main() -> None:
    tree = [5, 3, 8, 1, 4, 7, 9]
    print(list(walk(tree, 0)))
    try:
        for v in risky([2, 1, 0, 5]):
            print("got", v)
    except ZeroDivisionError as e:
        print("caught", e)
    try:
        for v in risky([4, 2]):
            if v > 3:
                raise ValueError("too big")
    except ValueError as e:
        print("consumer raised", e)
    print(find("b"), find("y"), find("zz"))
    for w in outer():
        if w == "x":
            break
    print("after break")
    text = "Hello World\nfoo # bar baz\n\nThe end"
    print(" ".join(words(text)))
    print(Counter(words(text + "\nthe THE")).most_common(2))
    print(set(noisy(10)) == {1, 2, 4, 5, 7, 8, 10}, list(noisy(10)))
    print(dict((w, len(w)) for w in words(text)))
    print(sorted(words(text), key=len))
    d = deque(noisy(7), maxlen=3)
    print(d)
    acc: list[str] = []
    acc.extend(words("a b\nc"))
    print(acc)

    print(list(enumerate(words("p q r"))))
    print(make_counter(10))
    print(list(nones(2)))
    print(sum(x * x for x in noisy(5)))
    print([(a, b) for a in noisy(4) for b in walk([1, 2], 0)])
    for i, w in enumerate(outer()):
        if i == 1:
            break
    print(max(walk(tree, 0), key=lambda v: -v))


main()
