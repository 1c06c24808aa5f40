# collections.Counter: counting an iterable or a dict of counts; a missing key reads as 0 and is
# not stored; most_common (ties in insertion order), total, update (adds), del of a missing key,
# Counter == Counter with missing keys as 0 (3.10+), the repr most common first, the
# Counter's behaviour kept where it is passed as a dict, and `max(c, key=c.get)`.
import collections
from collections import Counter


def top(words: list[str], n: int) -> list[tuple[str, int]]:
    return Counter(words).most_common(n)


def peek(d: dict[str, int], k: str) -> int:
    return d[k]  # a Counter passed as a dict still reads a missing key as 0


def tally(d: dict[str, int], words: list[str]) -> None:
    for w in words:
        d[w] += 1


def main() -> None:
    text = "the cat and the hat and the bat sat on the mat by the cat"
    words = text.split()
    print(top(words, 3), top(words, 0), top(words, -2))
    c = Counter(words)
    print(c)
    print(c["zzz"], "zzz" in c, len(c), peek(c, "dog"), "dog" in c)
    c["new"] += 2
    print(c.most_common(), c.most_common(100)[:2])
    print(c.total(), sum(c.values()), sorted(c), list(c)[:3])
    e: Counter[str] = Counter()
    print(e, repr(e), str(e), type(e).__name__, f"{e!r}", "%s" % e)
    e.update(words)
    e.update(["x", "x"])
    print(e)
    e.update({"x": 5, "q": 1})
    tally(e, ["q", "z"])
    print(e)
    del e["nope"]
    del e["x"]
    print(e, e.get("x"), e.get("x", -1))
    chars = Counter("mississippi")
    print(chars, chars.most_common(1), chars.most_common(2)[1][0])
    d: dict[str, int] = {"a": 2, "b": 3}
    cd = Counter(d)
    d["a"] = 100
    print(cd, dict(cd), cd.copy(), type(cd.copy()).__name__, type(dict(cd)).__name__)
    print(Counter(["a"]) == Counter(["a"]), c == dict(c), cd == {"a": 2, "b": 3})
    z = Counter(["a"])
    z["b"] = 0
    print(z == Counter(["a"]), z, Counter(["a"]) == z, z != Counter(["a", "b"]))
    nums = collections.Counter([3, 1, 3, 2, 1, 3])
    print(nums, nums[3], nums[9], sorted(nums), nums.most_common(1)[0][0])
    pairs = Counter([(1, "a"), (2, "b"), (1, "a")])
    print(pairs, pairs[(1, "a")])
    try:
        print(d.most_common())
    except AttributeError as err:
        print("AttributeError", err)
    try:
        print(f"{chars:>5}")
    except TypeError as err:
        print("TypeError", err)
    ranked = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
    for w, n in ranked[:4]:
        print(f"{w:<5}{n:>3}")
    # key=d.get over d's own keys: the counts (never None)
    ab = Counter("abracadabra")
    print(max(ab, key=ab.get), min(ab, key=ab.get), sorted(ab, key=ab.get, reverse=True))
    print(max(d, key=d.get), sorted(d.keys(), key=d.get), min(d.keys(), key=d.get))
    empty: dict[str, int] = {}
    try:
        print(max(empty, key=empty.get))
    except ValueError as err:
        print("ValueError", err)
    print(max(empty, key=empty.get, default="none"))
    big = Counter(["a"])
    big["a"] += 10 ** 19
    big.update(["a"])
    print(big, big.total())


if __name__ == "__main__":
    main()
