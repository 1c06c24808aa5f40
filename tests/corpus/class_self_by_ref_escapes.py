# corpus: class: `self` and object parameters passed by reference still escape, get stored and outlive the caller's handle as in CPython
class Box:
    def __init__(self, name: str, v: int) -> None:
        self.name = name
        self.v = v
        self.peer: Box | None = None

    def remember(self, into: list["Box"]) -> None:
        into.append(self)

    def chain(self, dv: int) -> "Box":
        self.v += dv
        return self

    def adopt(self, other: "Box") -> None:
        other.peer = self
        self.peer = other

    def forget_all(self, holder: list["Box"]) -> int:
        holder.clear()  # the caller's list held the only other handle of self
        filler = [Box("f" + str(i), i) for i in range(50)]
        return self.v * 10 + len(self.name) + len(filler)

    def swap_global(self) -> str:
        global CURRENT
        CURRENT = Box("other", -1)  # the global held self
        return self.name + ":" + str(self.v)


CURRENT = Box("first", 7)
SEEN: list[Box] = []


def describe(b: Box) -> str:
    p = b.peer
    return f"{b.name}={b.v} peer={p.name if p is not None else '-'}"


def keep(b: Box) -> None:
    SEEN.append(b)


def main() -> None:
    xs: list[Box] = []
    a = Box("a", 1)
    a.remember(xs)
    a.remember(xs)
    print(len(xs), xs[0] is a, xs[1] is xs[0])
    b = a.chain(5).chain(10)
    print(b is a, a.v, describe(b))
    c = Box("c", 3)
    c.adopt(a)
    print(describe(a), describe(c), a.peer is c)
    keep(c)
    c = Box("c2", 0)
    print(describe(SEEN[0]))
    holder = [Box("only", 4)]
    print(holder[0].forget_all(holder), len(holder))
    print(CURRENT.swap_global(), CURRENT.name)
    nested = [[Box("deep", 9)]]
    print(nested[0][0].forget_all(nested[0]), len(nested), len(nested[0]))
    t = Box("t", 2)
    t.peer = Box("child", 5)
    p = t.peer
    if p is not None:
        print(p.forget_all([p]), describe(t), c.name)


main()
