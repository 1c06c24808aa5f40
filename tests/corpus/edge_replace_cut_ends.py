# corpus: edge: s.replace(old, "") deleting one match at the start or the end (the rest is a piece of s, shared when long and ASCII): appends to either side, non-ASCII, short and long results, dict keys, count 0/1
def show(tag: str, s: str) -> None:
    print(tag, len(s), repr(s[:6]), repr(s[-6:]), s.count("a"), s.isascii())


def main() -> None:
    base = "x" * 3 + "abcdefghijklmnopqrstuvwxyz" * 2
    for old in ["xxx", "yz", "x", "z", "xxxa", "wxyz", "q", ""]:
        for s in [base, base[:17], base[:14], base[:3], "xxx" + old, old]:
            r = s.replace(old, "")
            show(old, r)
            print(repr(s.replace(old, "", 1)), repr(s.replace(old, "", 0)) == repr(s))
    line = "  grace taylor ,  new york, 130.29 ;ok"
    body = line.strip().replace(";ok", "")
    kept = body
    body += " extra"
    line += "!"
    print(repr(kept), repr(body), repr(line))
    head = ";ok" + "padding text that is long enough" * 2
    rest = head.replace(";ok", "")
    rest2 = rest
    rest += "?"
    print(rest2[:10], len(rest2), rest[-3:], rest2 == head[3:], rest2 is not None)
    counts: dict[str, int] = {}
    for i in range(12):
        k = ("item-" + str(i % 4) + "-" + "long suffix text" + ";ok").replace(";ok", "")
        counts[k] = counts.get(k, 0) + 1
        j = ("<<" + "short" + str(i % 3)).replace("<<", "")
        counts[j] = counts.get(j, 0) + 10
    print(sorted(counts.items()))
    uni = "ééé" + "東京" * 10 + "end"
    for old in ["ééé", "end", "é", "東京end"]:
        r = uni.replace(old, "")
        print(old, len(r), r[:3], r[-3:], r.find("京"), r[5:8])
    both = "abab"
    print(repr(both.replace("ab", "")), repr(both.replace("ab", "", 1)), repr("ab".replace("ab", "")))
    mid = "ab;okcd" * 5
    print(mid.replace(";ok", ""), mid.replace(";ok", "", 1)[:12])
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split(" ")
    for w in words:
        t = (w + " and some more words to make it long " + str(len(w))).replace(w, "")
        u = ("prefix that is long enough " + w).replace(w, "")
        print(len(t), t[-4:], len(u), u[-8:], t.upper()[:6], u.split(" ")[-2])


if __name__ == "__main__":
    main()
