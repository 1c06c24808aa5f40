# An operation on a None operand raises after all its operands are evaluated, as in CPython: x + f() runs f() first (its print shows), x + 1 // z raises ZeroDivisionError, not TypeError; x.m(f()) raises AttributeError before f() runs
from typing import Optional


def f(tag: str) -> int:
    print("f", tag)
    return 1


COUNT = 0


def bump() -> int:
    global COUNT
    COUNT += 1
    return COUNT


def g(x: Optional[int], s: Optional[str], xs: Optional[list[int]]) -> None:
    for label in ["add", "cmp", "sub", "str", "call", "radd", "aug", "attr", "zero", "global", "chain", "chain2"]:
        try:
            if label == "add":
                print(x + f("add"))
            elif label == "cmp":
                print(x < f("cmp"))
            elif label == "sub":
                print(xs[f("sub")])
            elif label == "str":
                print(s + str(f("str")))
            elif label == "call":
                print(divmod(x, f("call")))
            elif label == "radd":
                print(f("radd") + x)
            elif label == "aug":
                y = x
                y += f("aug")
                print(y)
            elif label == "attr":
                print(s.count(str(f("attr"))))
            elif label == "zero":
                z = 0
                print(x + 1 // z)
            elif label == "chain":
                print(x < f("chain") < f("never"))
            elif label == "chain2":
                print(0 < f("chain2") < x < f("never2"))
            elif label == "global":
                print(x * bump())
        except (TypeError, AttributeError, ZeroDivisionError) as e:
            print(label, type(e).__name__, e)


g(None, None, None)
g(2, "a1", [5, 6])
print(COUNT)
