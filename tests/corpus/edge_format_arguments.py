# str.format evaluates every argument before formatting any; a conversion (!s, !r) applies the
# spec to the text (None is fine); a spec on a list/tuple/dict/None is CPython's TypeError;
# an int literal compared with a float compares exactly; startswith(()) is False.
from typing import Optional


def find(names: list[str], prefix: str) -> Optional[str]:
    for n in names:
        if n.startswith(prefix):
            return n
    return None


def main() -> None:
    stack = [1, 2, 3]
    print("{} popped {}".format(stack, stack.pop()))
    d = {"a": 1, "b": 2}
    print("{} after {} and {!r}".format(d, d.pop("a"), "x"))
    r = find(["alice", "bob"], "z")
    print(f"result: {r!s:>8}|{r!r:<6}|")
    print("{!s:>6}|".format(r))
    hit = find(["alice", "bob"], "b")
    print(f"hit: {hit!r:>8}|{hit:>5}|")
    xs = [1, 2]
    pair = (1, "a")
    for spec in (">10", "", "^4"):
        try:
            print(format(xs, spec), format(pair, spec))
        except TypeError as e:
            print("TypeError:", e)
    try:
        print(f"{d:>20}")
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(f"{r:>6}")
    except TypeError as e:
        print("TypeError:", e)
    total = 1e16
    print(total > 9999999999999999, 9007199254740993 > 9007199254740992.0)
    y = 9007199254740992.0
    print(y < 9007199254740993, y == 9007199254740993, 9007199254740993 != y, y == 9007199254740992)
    print("hello".startswith(()), "hello".endswith(()), "hello".startswith(("x", "he")))
    try:
        print(1e308 ** 2.0)
    except OverflowError as e:
        print(repr(e), e)


main()
