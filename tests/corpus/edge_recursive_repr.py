# A list or dict that holds itself prints [...] / {...} (CPython's Py_ReprEnter), also through other
# containers and a __repr__; a @dataclass's generated __repr__ prints an object met again inside its own repr as ...
from dataclasses import dataclass, field


@dataclass
class D:
    name: str
    kids: list["D"] = field(default_factory=list)


class K(D):
    pass


@dataclass
class E(D):
    extra: dict[str, "D"] = field(default_factory=dict)


class Plain:
    def __init__(self, ds: list[D]) -> None:
        self.ds = ds

    def __repr__(self) -> str:
        return f"Plain({self.ds})"


def dataclasses_() -> None:
    d = D("a")
    d.kids.append(D("b"))
    d.kids.append(d)
    print(d)
    print(d.kids)
    print(repr(d), str(d), f"{d!r}")
    k = K("k")
    k.kids.append(k)
    print(k, [k])
    e = E("e")
    e.extra["me"] = e
    e.kids.append(d)
    print(e)
    p = Plain([d])
    print(p)
    two = D("x")
    two.kids.append(D("y", [two]))
    print(two, two.kids[0])


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.kids: list["Node"] = []

    def __repr__(self) -> str:
        return f"Node({self.name}, {self.kids})"


def containers() -> None:
    a: list[object] = [1]
    a.append(a)
    print(a)
    print(str(a), repr(a), f"{a}", len(str(a)))
    d: dict[str, object] = {"k": 1}
    d["self"] = d
    print(d)
    b: list[object] = []
    e: dict[str, object] = {"list": b}
    b.append(e)
    b.append(b)
    print(b, e)
    n = Node("root")
    n.kids.append(Node("leaf"))
    n.kids.append(n)
    print(n)
    print(n.kids)
    print([n, n])


dataclasses_()
containers()
