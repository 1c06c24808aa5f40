# corpus: loops: `for w in words:` that must keep copying the item: the list grown, sorted, stored into or changed by a callee while the loop runs, the variable read after the loop or rebound


def push(xs: list[str], s: str) -> None:
    xs.append(s)


def main() -> None:
    ws = ["b", "a", "cc"]
    for w in ws:
        if not w.endswith("!"):
            ws.append(w + "!")
    print(ws)
    alias = ["x", "yy"]
    other = alias
    for a in alias:
        if len(a) < 3:
            other.append(a + "z")
    print(alias)
    vs = ["q", "r"]
    for v in vs:
        if len(v) == 1:
            push(vs, v + v)
    print(vs)
    ss = ["d", "c", "b", "a"]
    got: dict[str, int] = {}
    for s in ss:
        got[s] = len(got)
        if s == "d":
            ss.sort()
    print(ss, got)
    ts = ["m", "n", "o"]
    seen = ""
    for t in ts:
        seen += t
        ts[len(ts) - 1] = "z"
    print(seen, ts)
    last = "?"
    for last in ts:
        seen += last
    print(last, seen)
    rs = [" p ", "q "]
    out: list[str] = []
    for r in rs:
        r = r.strip()
        out.append(r)
    print(out)
    us = ["e", "f", "g"]
    cut = ""
    for u in us:
        cut += u
        del us[1:2]
    print(us, cut)
    xs = ["h", "i"]
    for x in xs:
        if len(xs) < 4:
            xs += [x + "+"]
    print(xs)
    outer, inner = ["o1", "o2"], ["i1", "i2", "i3"]
    total = 0
    for w in outer:
        for w in inner:  # a loop inside another binding its variable: copies
            total += len(w)
        print(w, total)  # the inner loop's last item
    ps, qs = [("p", 1)], [("q", 2), ("r", 3)]
    for tt, _ in ps:
        for tt, _ in qs:
            total += len(tt)
        print(tt, total)


main()
