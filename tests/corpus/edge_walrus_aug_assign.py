# corpus: edge: an augmented assignment whose right side rebinds its target (or the item's container or key) by a walrus: Python reads the target first, then the right side, then stores (str, int, float, list + and *, alias, dict and list items, big ints); attribute targets `b.x += (b := other).x`; walrus in assignment targets; found by the progen order mixin (seed 84000) and the checks that followed
def main() -> None:
    s = "    e \u0301"
    s += (s := repr(0.5))
    print(s)
    n = 5
    n += (n := 2)
    print(n)
    f = 1.5
    f -= (f := 0.25)
    print(f)
    xs = [1, 2]
    xs += (xs := [3])
    print(xs)
    ys = [1]
    zs = ys
    ys += (ys := [7, 8])
    print(ys, zs)
    b = 2**70
    b *= (b := 3)
    print(b)
    t = "a"
    t += t + (t := "b") + t
    print(t)
    d = {"k": [1]}
    d["k"] += (d := {"k": [9]})["k"]
    print(d)


main()


def more() -> None:
    e = {"k": 1}
    e["k"] += len(e := {"k": 10})
    print(e)
    ls = [5, 6]
    i = 0
    ls[i] += (i := 1)
    print(ls, i)
    m = [[1], [2]]
    j = 0
    m[j] += [(j := 1)]
    print(m, j)
    q = [1, 2]
    q *= len(q := [0])
    print(q)


more()


class Box:
    def __init__(self, x: int) -> None:
        self.x = x
        self.items: list[int] = [x]
        self.name = "b" + str(x)


def attrs() -> None:
    b = Box(1)
    c = b
    b.x += (b := Box(10)).x
    print(b.x, c.x)
    b.items += (b := Box(20)).items
    print(b.items, c.items)
    c2 = b
    b.name += (b := Box(30)).name
    print(b.name, c2.name)
    d = b
    d.x -= 1
    print(b.x, d.x)


def targets() -> None:
    xs = [0, 0, 0]
    i = 0
    xs[i] = (i := 2)
    print(xs, i)
    d: dict[str, str] = {}
    k = "a"
    d[k] = (k := "b")
    d[(k := "c")] = k
    print(d, k)
    ys = [1, 2, 3]
    j = 0
    del ys[(j := 1)]
    print(ys, j)
    m = [4, 5]
    m[0], m[1] = m[1], (m := [7, 8])[0]
    print(m)
    s = "ab"
    print(s * len(s := "xyz"), s)
    e = [1]
    e = e + e + (e := [2]) + e
    f = 5
    f = -f + (f := 1) * f
    print(e, f)


attrs()
targets()
