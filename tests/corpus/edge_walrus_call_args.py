# corpus: edge: walruses in call arguments (keyword arguments in order, print's sep= and end=, a key function next to one), in slices, dict defaults, conditional expressions and f-string fields: each operand sees the value bound when Python reads it
def f(a: int, b: int = 0, c: str = "") -> str:
    return f"{a}-{b}-{c}"


def main() -> None:
    x = 1
    print(f(x, b=(x := 5)), x)
    s = "q"
    print(s, s, sep=(s := "|"), end=s + "\n")
    ws = ["a", "b"]
    print(ws, sorted(ws, reverse=len(ws := ["z"]) > 0), ws)
    n = 3
    print(list(range(n, (n := 12))), n)
    t = "abc"
    print(t[1:len(t := "xyzwv")], t)
    d = {"a": 1}
    print(d.get("a", 0) + len(d := {}), d)
    xs = [3, 1, 2]
    print(max(xs, key=lambda v: -v), xs[len(xs := [9]) - 1])
    k = 2
    print([k, k * 2][k - 2], (k := 0), k)
    z = 4
    print(z if z > (z := 1) else -z, z)
    u = "u"
    print(f"{u}{(u := 'v')}{u!r:>4}", u)


main()
