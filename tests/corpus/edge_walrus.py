# The walrus operator in a function: in if/while conditions (also narrowing an Optional it
# stores), inside expressions (evaluated in order with what is around it), on the right of `and`
# (the name is bound where the condition held), and a name bound by a walrus read after the statement.
def find(d: dict[str, int], keys: list[str]) -> int:
    total = 0
    for k in keys:
        if (v := d.get(k)) is not None:
            total += v
    return total


def chunks(data: list[int]) -> list[int]:
    out: list[int] = []
    i = 0
    while (n := len(data) - i) > 0:
        out.append(min(n, 3))
        i += 3
    return out


def f(x: int) -> int:
    print("f", x)
    return x


def scan() -> None:
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    i = 0
    while (n := data[i]) != 9:
        i += 1
    print("found 9 at", i, n)


def main() -> None:
    words = ["apple", "kiwi", "banana"]
    if (n := len(words)) > 2:
        print("long", n)
    print(n)
    print(find({"a": 1, "b": 2}, ["a", "c", "b"]), chunks(list(range(8))))
    s = "x"
    print(s + (s := "y") + s, s)
    a = 1
    print(a + (a := 10) + a, a)
    if (m := f(3)) > 2 and (k := m * 2) > 5:
        print("both", m, k)
    total = 0
    y = (z := 4) * z
    print(y, z)
    name: str | None = None
    if (got := name) is None:
        print("none", got)
    line = "key=value"
    if (i := line.find("=")) >= 0:
        print(line[:i], line[i + 1:])


# more: a rebound list a loop indexes, a narrowed Optional stored None again, a str loop condition,
# argument and f-string order, a walrus storing into a name assigned before
def views() -> None:
    xs = [1, 2, 3]
    total = 0
    i = 0
    while i < 3:
        total += xs[i]
        if (xs := [x * 10 for x in xs]) and i > 5:
            print("never")
        i += 1
    print(total, xs)


def narrowed(x: int | None) -> int:
    if x is not None:
        y = (x := None)
        print(y)
        return 0 if x is None else x + 1
    return -1


def lines_loop() -> None:
    lines = ["a", "end", "b", "c"]
    seen = []
    while (line := lines.pop()) != "end":
        seen.append(line)
    print(seen, line, lines)


def two(a: int, b: int) -> int:
    return a * 10 + b


def order() -> None:
    a = 0
    print(two((a := 1), a), f"{(n := 5)} {n}", a, n)
    s = "p"
    t = s + (s := "q") + s
    print(t, s)


def widen() -> None:
    x = 1
    if (x := 2) > 1:
        print(x)
    print(x)


if __name__ == "__main__":
    main()
    scan()
    views()
    print(narrowed(3), narrowed(None))
    lines_loop()
    order()
    widen()
