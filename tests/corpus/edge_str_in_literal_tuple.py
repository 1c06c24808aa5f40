# corpus: str: membership of a str in a tuple of str literals (compared in place), slices of ASCII text
def kind(tok: str) -> str:
    if tok in ("==", "<=", ">="):
        return "cmp"
    if tok not in ("+", "-"):
        return "other" if tok in ("", "é", "a long literal past the inline size!") else "?"
    return "sign"


def pairs(src: str) -> list[str]:
    out: list[str] = []
    for i in range(-len(src) - 2, len(src) + 2):
        two = src[i:i + 2]
        if two in ("==", "<="):
            out.append(f"{i}:{two}")
        elif src[i:] in ("=", "x"):
            out.append(f"tail {i}")
        elif src[:i] in ("a",):
            out.append(f"head {i}")
    return out


for t in ["==", "<=", ">=", "+", "-", "", "é", "=", "a long literal past the inline size!", "a long literal"]:
    print(repr(t), kind(t))
print(pairs("a==b<=c=x"))
print(pairs(""))
text = "0123456789"
for a, b in [(-100, 100), (3, 1), (-3, -1), (8, 20), (2**62, -(2**62)), (-(2**62), 2**62), (5, 5), (0, -11)]:
    print(a, b, repr(text[a:b]), repr(text[a:]), repr(text[:b]))
big = "é" + text
print(repr(big[1:4]), repr(big[-3:]), big[0:2] in ("é0", "x"))
