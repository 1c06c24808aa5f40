# corpus: edge: a, b = s.split(...) unpacks the pieces without a list: every separator kind,
# maxsplit, too many / not enough pieces, the empty separator (split's own error comes first)
def pair(s: str, sep: str) -> str:
    try:
        a, b = s.split(sep)
        return f"{a!r}|{b!r}"
    except ValueError as e:
        return f"ValueError: {e}"


def words(s: str) -> str:
    try:
        a, b, c = s.split()
        return f"{c}-{b}-{a}"
    except ValueError as e:
        return f"ValueError: {e}"


def main() -> None:
    for s in ["k=v", "k=v=w", "kv", "=", "", "long key with spaces=long value with spaces é"]:
        print(pair(s, "="))
    for s in ["a::b", "a::b::c", "a:b", "ü::ö"]:
        print(pair(s, "::"))
    print(pair("a=b", ""))
    for s in ["x y z", "  x\ty\n z  ", "x y", "x y z w", "", "α β γ"]:
        print(words(s))
    k, v = "name=x=y".split("=", 1)
    print(k, v)
    first, rest = "a b c d".split(None, 1)
    print(first, rest)
    (only,) = "solo".split(",")
    print(only)
    total = 0
    for line in ["a=1;b=22;c=333", "d=4444"]:
        for field in line.split(";"):
            key, val = field.split("=")
            total += int(val) * len(key)
    print(total)


main()
