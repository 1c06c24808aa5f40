# corpus: edge: a str `+` chain with f-strings and joins (of lists, comprehensions, generators, sets, strs, tuples) is written into one buffer: operands in Python's order, an exception in the middle, long results, non-ASCII text
def to_json(order: dict[str, list[int]]) -> str:
    fields: list[str] = []
    for key, values in order.items():
        fields.append(f'"{key}": [' + ", ".join([str(v) for v in values]) + "]")
    return "{" + ", ".join(fields) + "}"


def tag(t: str) -> str:
    print("tag", t)
    return t


def main() -> None:
    print(to_json({"a": [1, 2], "bé": [], "c": [3]}))
    xs = ["x", "y"]
    s = "<" + "|".join(xs) + ">" + f"{len(xs):>3}" + "".join(w.upper() for w in xs) + tag("!")
    print(s)
    print(f"[{tag('a')}]" + tag("b") + ",".join(sorted({"q", "p"})) + ";".join("abc") + "-".join(("t", "u")))
    print(tag("L") + tag(",").join([tag(str(i)) for i in range(3)]) + tag("R"))
    print(f"{1}" + "x", "y" + f"{2:03d}", "é" + "".join([]) + "🙂", f"{'Σ'!r}" + "".join(["ς"]))
    n = 0
    while n < 3:
        print(str(n) + f"={n * n}" + ",".join([str(k) for k in range(n)]) + f"{n / 3:.2f}")
        n += 1
    big = "[" + ",\n".join([f"{i}" for i in range(2000)]) + "]"
    print(len(big), big[:20], big[-10:])
    print("a" + "-".join(xs[0:1]) + "".join(["k", "l"]) + "".join(xs) + "/".join({"k": 1, "j": 2}))
    for z in (2, 0, 4):
        try:
            print("a" + f"{10 // z}" + tag("after") + ",".join([str(10 // (z - 2)) for _ in range(2)]))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    print(f"{'pad':*^9}" + "|" + f"{3.5:+08.2f}" + " " * 3 + "".join(reversed(xs)))


main()
