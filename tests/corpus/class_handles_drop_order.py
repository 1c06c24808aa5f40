"""Object handles (rt::ObjRc): dropping the last handle of a node while reading through it,
self-assignment of the last handle, a method whose receiver loses its last outside reference
during the call, aliasing in lists and dicts, identity, and a long chain freed by rebinding."""
from typing import Optional


class Node:
    def __init__(self, v: int, nxt: "Optional[Node]" = None) -> None:
        self.v = v
        self.nxt = nxt

    def drop_global_and_read(self) -> int:
        global head
        head = None
        return self.v


head: Optional[Node] = None


def chain(n: int) -> Optional[Node]:
    h: Optional[Node] = None
    for i in range(n):
        h = Node(i, h)
    return h


def walk(h: Optional[Node]) -> list[int]:
    out: list[int] = []
    cur = h
    while cur is not None:
        out.append(cur.v)
        cur = cur.nxt
    return out


def main() -> None:
    global head
    a = chain(5)
    assert a is not None
    # unlink the only reference to a node while reading through it
    a.nxt = a.nxt.nxt if a.nxt is not None else None
    print(walk(a))
    b = a
    a = a.nxt
    print(walk(a), walk(b), a is b.nxt)
    # self-assignment of the last handle
    c = Node(7)
    c = c
    c.nxt = c.nxt
    print(c.v, c.nxt is None)
    # a method that drops the last outside reference to its receiver
    head = Node(42)
    print(head.drop_global_and_read(), head is None)
    # objects in containers: aliasing and identity
    xs = [Node(i) for i in range(3)]
    ys = xs[:]
    xs[0].v = 100
    xs.clear()
    print([n.v for n in ys], ys[0] is ys[0], ys[0] is ys[1])
    d = {"k": ys[1]}
    ys.pop(1)
    d["k"].v += 5
    print(d["k"].v, len(ys))
    # a long chain dropped by reassignment
    big = chain(200000)
    n = 0
    cur = big
    while cur is not None and n < 3:
        n += 1
        cur = cur.nxt
    big = None
    print(n, cur.v if cur is not None else -1, len(walk(cur)))
    cur = None
    print("done")


main()
