# list iterators: iter(xs), next(it[, default]), loops and consumers that share one position
from typing import Iterator


def take(it: Iterator[int], n: int) -> list[int]:
    out = []
    for _ in range(n):
        out.append(next(it))
    return out


class Tok:
    def __init__(self, words: list[str]) -> None:
        self.it = iter(words)
        self.count = 0

    def take(self) -> str:
        self.count += 1
        return next(self.it, "<eof>")


g = iter([1, 2, 3])


def use() -> int:
    return next(g) * 10


def parse(lines: list[str]) -> dict[str, int]:
    it = iter(lines)
    header = next(it)
    print("header:", header)
    out: dict[str, int] = {}
    for line in it:
        if line == "skip":
            nxt = next(it, None)
            print("skipped", nxt)
            continue
        k, v = line.split("=")
        out[k] = int(v)
    print("after:", next(it, "done"), list(it))
    return out


def pairs(xs: list[int]) -> list[tuple[int, int]]:
    it = iter(xs)
    return list(zip(it, it))


def main() -> None:
    print(parse(["name=value", "a=1", "skip", "b=2", "c=3"]))
    print(parse(["h", "skip"]))
    print(pairs([1, 2, 3, 4, 5]))
    xs = [1, 2]
    it = iter(xs)
    print(next(it))
    xs.append(3)
    print(sum(it))
    xs.append(4)
    print(next(it, -1), next(it, -1))
    e = iter([10])
    print(next(e), next(e, 0))
    try:
        next(e)
    except StopIteration:
        print("stop")
    a = iter([1, 2, 3])
    print(sorted(a, reverse=True), max(iter([4, 9, 2])), ", ".join(iter(["x", "y"])))
    nums = [1, 2, 3, 4, 5]
    it2 = iter(nums)
    print(take(it2, 2), take(it2, 2), list(it2))
    t = Tok(["a", "b"])
    print(t.take(), t.take(), t.take(), t.count)
    print(use(), use(), [x * 2 for x in g], next(g, None))
    squares = iter([n * n for n in range(4)])
    for s in squares:
        if s == 1:
            break
    print("rest", list(squares))
    next(iter([]))


if __name__ == "__main__":
    main()
