# `maybe or default` with an Optional on the left is the default's type (a None is falsy): sums,
# comprehensions and sort keys of Optionals, a default that is a call (run only when needed),
# falsy values that are not None (0, "", [], 0.0), big ints
from typing import Optional


def find(xs: list[str], t: str) -> Optional[str]:
    for x in xs:
        if x.startswith(t):
            return x
    return None


def calls(tag: str) -> str:
    print("calls", tag)
    return tag


vals: list[Optional[int]] = [3, None, 0, 1]
print(sum(v or 0 for v in vals), [v or -1 for v in vals])
print(find(["ab", ""], "a") or "none", find(["ab"], "z") or calls("dflt"), find(["", "x"], "") or calls("empty"))
d: dict[Optional[str], int] = {None: 1, "x": 2}
print(sorted(d, key=lambda k: k or ""))
f: Optional[float] = 0.0
print(f or 2.5, (None or 0) if False else 1)
vals: list[Optional[int]] = [2 ** 70, None, 0]
print([v or 7 for v in vals], sum(v or 1 for v in vals))
names: list[Optional[str]] = ["a", None, ""]
print([n or "?" for n in names], "".join(n or "_" for n in names))
lists: list[Optional[list[int]]] = [[1], None, []]
print([x or [0] for x in lists])
xs: Optional[list[int]] = None
ys = xs or []
ys.append(1)
print(ys, xs)
b: Optional[int] = None
print(b or "dflt", b or 2.5)
g: Optional[float] = None
print(g or 1, g or 1.5)
g = 0.0
print(g or 2)
