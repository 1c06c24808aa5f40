# printf-style formatting with mapping keys: each `%(key)` is looked up while the string is
# formatted, in order (a KeyError after the fields before it ran their __repr__), flags and
# widths as without keys, a defaultdict stores what it is asked for, nested parentheses in a key.
from collections import defaultdict


class R:
    def __repr__(self) -> str:
        print("repr called")
        return "R()"


def main() -> None:
    d = {"name": "bob", "age": "7"}
    nums = {"age": 7, "score": 3}
    print("%(name)s is %(age)3s %%" % d, "%(age)3d (%(score).2f)" % nums)
    print("%(name)-6s|%(name)r|%(age)5s" % d, "%(age)05d|%(age)x|%(score)e" % nums)
    dd = defaultdict(int)
    print("%(a)d %(b)d" % dd, dict(dd))
    o: dict[str, object] = {"x": 1, "y": "s", "z": None}
    print("%(x)s %(y)r %(z)s" % o)
    rs = {"r": R()}
    try:
        print("%(r)r %(missing)s" % rs)
    except KeyError as e:
        print("KeyError", e)
    kk = {"k(1)": 5}
    print("%(k(1))s" % kk)
    n: dict[str, int | None] = {"a": 1, "b": None}
    try:
        print("%(a)d %(b)d" % n)
    except TypeError as e:
        print("TypeError", e)


if __name__ == "__main__":
    main()
