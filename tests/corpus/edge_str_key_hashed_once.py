# corpus: edge: a str local looked up in several sets/dicts after one assignment (hash computed once), stores between

from collections import Counter, defaultdict
KEYS = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
        "abcdefghijklmnopq", "é", "ключ-7", "日本語のキー", "a" * 40]


def main() -> None:
    seen: set[str] = set()
    big: dict[str, int] = {}
    for i in range(300):
        big[f"k{i * 7}"] = i
    small: dict[str, int] = {"": 0, "a": 1, "é": 2}
    for i in range(0, len(KEYS), 2):
        seen.add(KEYS[i])
        big[KEYS[i]] = -i
    hits = 0
    out: list[str] = []
    for j in range(40):
        key = f"k{j * 3}" if j < 28 else KEYS[j - 28]
        if key in seen:
            out.append("seen:" + key)
            continue
        v = big.get(key, -1)
        w = small.get(key)
        if key not in big:
            hits -= 1
        else:
            hits += big[key] + (0 if w is None else w)
        out.append(f"{key}={v}")
    print(hits, len(out), out[:6], out[-8:])
    d: dict[str, int] = {"x": 1, "yy": 2, "zzz": 3}
    s: set[str] = {"x", "zzz"}
    for n in range(4):
        k = "x" if n % 2 == 0 else "yy"
        a = k in s
        b = d.get(k, 0)
        if n == 1:
            k = "zzz"
        c = d.get(k, -5) + d.get(k, -6)
        k += "z" * n
        c2 = d.get(k, -7)
        for k in ["yy"]:
            pass
        e = d[k] if k in d else 9
        print(n, k, a, b, c, c2, e)
    k2 = "x"
    m = k2 in d and k2 in s
    (k2, other) = ("zzz", 1)
    print(m, d.get(k2, 0), other)
    k3 = "yy"
    found = k3 in s or k3 in d
    if (k3 := "zzz") in s:
        print("walrus", found, d.get(k3, 0), d[k3])
    # a comprehension's own variable of the same name; the outer one inside a comprehension
    k4 = "x"
    first = k4 in d
    lst = [d.get(k4, 0) for k4 in ["yy", "q"]]
    g = d.get(k4, 0)
    lst2 = [d.get(k4, 0) + j for j in range(2)]
    k4 = "zzz"
    print(first, lst, g, lst2, d[k4])
    # defaultdict and Counter: d[k] of a missing key after `k in ...`
    dd: defaultdict[str, int] = defaultdict(int)
    cnt: Counter[str] = Counter("abca")
    for t0 in ["a", "b", "n"]:
        t = t0 * 2 if t0 == "n" else t0
        has = t in dd
        dd[t] += 1
        print(t, has, dd[t], t in cnt, cnt[t], cnt.get(t, -1), len(dd), len(cnt))
    try:
        q = "missing-ключ"
        if q not in s:
            print(d.get(q, 0), d[q])
    except KeyError as err:
        print("KeyError", err)


if __name__ == "__main__":
    main()
