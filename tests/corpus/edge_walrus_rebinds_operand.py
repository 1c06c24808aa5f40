# corpus: edge: a walrus in a later operand rebinds a local an earlier operand reads: Python reads the old value first (comparisons, `+`, list concat, a method's receiver, print's arguments; str, list, dict, tuple, int), also in the big-int build
from collections import deque


def f(xs: list[int], ys: list[int]) -> int:
    return len(xs) * 10 + len(ys)


def g(s: str, t: str) -> str:
    return s + "|" + t


def small() -> None:
    s = "ab"
    print(s + (s := "cd"), s)
    print(s == (s := "abd"), s)
    t = "x"
    print(t < (t := "y"), t)
    xs = [1]
    print(xs + (xs := [2, 3]), xs)
    print(xs == (xs := [1, 2, 3]), xs)
    print(f(xs, (xs := [4, 5, 6])), xs)
    print(xs.index(len(xs := [9, 4]) + 2), xs)
    print(g(s, (s := "zz")), s)
    d = {"a": 1}
    print(d == (d := {"b": 2}), d)
    print(d.get("b", len(d := {"c": 3})), d)
    u = "q"
    print(u + u + (u := "r") + u)
    n = 5
    print(n - (n := 2), n, [n, (n := 7)], n)
    b = 3
    print(b == (b := 3), b < (b := 9) < (b := 20), b)
    fl = 1.5
    print(fl < (fl := 0.5), fl)
    tp = (1, "a")
    print(tp < (tp := (1, "b")), tp)


def big() -> None:
    a = 2**70
    print(a < (a := 5), a)
    c = 2**66
    print(c * (c := 3), c, -c < (c := 1), c + 2**70)
    m = 2**65
    print(m, (m := m * 2**10), m)
    print(m in [(m := 3), 4], m)


def receivers() -> None:
    s = "hello"
    print(s.find(str(len(s := "xyz"))), s)
    print(s.replace("y", (s := "Q")), s)
    print(s[len(s := "abcdef") - 6], s)
    dq = deque([1, 2, 3])
    print(dq.count(len(dq := deque([7])) + 1), dq)
    st = {1, 2}
    print(st.union({len(st := {9})}), st)
    xs = [1, 2]
    print(xs * len(xs := [5, 5, 5]), xs)
    print(len(xs := [3]) * xs, xs)
    print(xs[len(xs := [0, 8]) - 2], xs)


small()
receivers()
big()
