# an Optional list narrowed by `is not None` can be looped over, joined, sorted; None is CPython's TypeError
from typing import Optional


def tags_of(name: str) -> Optional[list[str]]:
    if name.startswith("x"):
        return None
    return [name, name.upper()]


for n in ["ab", "xy"]:
    p = tags_of(n)
    if p is not None:
        for s in p:
            print(s)
        print(" ".join(p), len(p), sorted(p), [t + "!" for t in p], sum(len(t) for t in p))
    else:
        print("none for", n)
q = tags_of("xq")
try:
    for s in q:
        print(s)
except TypeError as e:
    print("TypeError:", e)
