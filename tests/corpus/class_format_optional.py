"""Formatting an `F | None` whose class defines __format__: F.__format__ for an F, format(None, spec) for None."""
from typing import Optional


class F:
    def __init__(self, v: int) -> None:
        self.v = v

    def __format__(self, spec: str) -> str:
        print("fmt", repr(spec))
        return "F<" + spec + ">" + str(self.v)


class Node:
    def __init__(self, f: Optional[F]) -> None:
        self.f = f


LAST: Optional[F] = None


def width(s: str) -> str:
    print("spec", repr(s))
    return s


def show(o: Optional[F], n: Node) -> None:
    print(f"[{o}] [{n.f}] [{LAST}] [{o:}]")
    print(format(o), format(n.f, ""), "{} and {:}".format(o, o))
    try:
        print(f"[{o:{width('>5')}}]")
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(f"[{n.f:x}]")
    except TypeError as e:
        print("TypeError:", e)
    print(f"[{o:{width('')}}]")


show(F(3), Node(None))
show(None, Node(F(4)))
LAST = F(9)
show(None, Node(None))
print(f"{LAST:end}")
