# calls that return None used as values still run (their prints show): assigned to an Optional,
# the left side of `or`, items of a list, `print(...) or x` in a condition, optional arguments of
# str methods (each was left out of the translation until 2026-12-05, silently)
from typing import Optional

calls: list[str] = []


def note(tag: str) -> None:
    calls.append(tag)
    print("note", tag)


x: Optional[int] = note("assign")
print(x)
y = note("or") or 5
print(y)
xs: list[Optional[int]] = [note("item"), 3]
print(xs)
print(any(print(a) or a > 2 for a in [1, 2, 3, 4]))
print(calls)
s = "a b,c"
print(s.split(note("sep")), s.strip(note("chars")), s.find("b", note("start")), s[note("lo"):3],
      s.rsplit(note("rsep"), 1))
d: dict[str, Optional[int]] = {}
d["k"] = note("store")
print(d, [note(str(i)) for i in range(2)])
ys = [3, 1, 2]
q = ys.reverse() or ys
print(q, note("is") is None)
