# corpus: edge: an augmented assignment whose right side rebinds its target (or the item's container or key) by a walrus: Python reads the target first, then the right side, then stores (str, int, float, list + and *, alias, dict and list items, big ints); found by the progen order mixin (seed 84000)
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
