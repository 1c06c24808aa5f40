"""format() and f-string fields of an Optional value: None takes object.__format__, which accepts
only an empty spec (`format(None, "")` is 'None'; a spec `{x:{w}}` is evaluated before the value
is formatted, and is fine for None when it turns out empty). Found by the hunt of 2026-12-04:
`format(None, "")` raised TypeError, and `f"{x:{w}}"` raised it without evaluating `w`."""
from typing import Optional


def name_of(k: int) -> Optional[str]:
    print("called", k)
    return None if k == 0 else "n" + str(k)


def wid(k: int) -> str:
    print("spec", k)
    return "" if k == 0 else ">" + str(k)


no: Optional[str] = None
some: Optional[str] = "abc"
num: Optional[int] = None
fl: Optional[float] = 2.5
for w in ["", ">6", "^7"]:
    for v in [no, some]:
        try:
            print(repr(f"[{v:{w}}]"))
        except Exception as e:
            print(type(e).__name__, e)
    for n in [num, 7]:
        try:
            print(repr(f"[{n:{w}}]"), repr(format(n, "")), f"{n:}")
        except Exception as e:
            print(type(e).__name__, e)
    try:
        print(repr(f"[{fl:{w}}]"), repr(format(fl, "")), f"{fl:}")
    except Exception as e:
        print(type(e).__name__, e)
for k in [0, 1]:
    for j in [0, 3]:
        try:
            print(f"<{name_of(k):{wid(j)}}>")
        except Exception as e:
            print(type(e).__name__, e)
print(format(no, ""), f"{no:}", format(no), no, some)
try:
    print(format(no, "s"))
except Exception as e:
    print(type(e).__name__, e)
