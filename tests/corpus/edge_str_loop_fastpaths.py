# edge cases for the loop fast paths: hoisted ASCII hints for str indexing, loop variables that
# reuse their buffer, s[i] == x without allocation, d[k] op= v on plain locals, join of a list


def matches(a: str, b: str) -> int:
    n = 0
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] == b[j]:
                n += 1
            if b[-1 - j] != a[-1 - i]:
                n += 2
    return n


def rebinds(s: str) -> str:
    out = ""
    i = 0
    while i < len(s):
        out += s[i]
        if s[i] == "x":
            s = s + "é!"  # the text changes inside the loop: no hint may be hoisted for s
        i += 1
    return out


def chars(text: str) -> list[str]:
    seen: list[str] = []
    for ch in text:
        seen.append(ch)
        if ch == "b":
            text = "zzz"  # iteration continues over the original text
        ch = ch + "+"  # rebinding the loop variable does not disturb the iteration
        seen.append(ch)
    return seen


def words(ws: list[str]) -> list[str]:
    out: list[str] = []
    for w in ws:
        if w == "grow" and len(ws) < 6:
            ws.append("new")  # a list is iterated live, like CPython
        w = w.upper()
        out.append(w)
    return out


def counts(text: str) -> dict[str, int]:
    d: dict[str, int] = {}
    for w in text.split():
        if w not in d:
            d[w] = 0
        d[w] += 1
        d[w] = d[w] * 1
    grid = [[0] * 3 for _ in range(2)]
    r = 1
    grid[r][2] += 5
    row = grid[0]
    row[r] -= 4
    print(grid)
    return d


def index_errors(s: str) -> None:
    for k in (2, 3, -3, -4):
        try:
            if s[k] == "c":
                print("found c at", k)
            else:
                print("other at", k)
        except IndexError as e:
            print("IndexError:", e, k)


def main() -> None:
    print(matches("abcab", "bca"))
    print(matches("héllo wörld", "ö l"))
    print(rebinds("axbx"))
    print(chars("abc"))
    print(chars("ünïcode"))
    print(words(["a", "grow", "b"]))
    print(counts("the cat the hat the end cat"))
    index_errors("abc")
    index_errors("aßc")
    parts = ["x", "yy", "", "zzz"]
    print("-".join(parts), "".join(parts), ", ".join([]))
    print([7] * 0, [7] * -2, [7] * 3, [[1]] * 2)
    alias = [[0]] * 3
    alias[0].append(9)
    print(alias)


if __name__ == "__main__":
    main()
