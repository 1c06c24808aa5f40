"""Structures nested far deeper than the native stack could drop one level per frame: a linked
list of a million objects, a degenerate tree, a list and a dict nested 200,000 levels deep.
CPython frees them iteratively (its trashcan); so must the translation (rt::trash)."""
from typing import Optional


class Node:
    def __init__(self, v: int, nxt: Optional["Node"]) -> None:
        self.v = v
        self.nxt = nxt


class Tree:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Optional[Tree] = None
        self.right: Optional[Tree] = None


def chain(n: int) -> Node:
    head = Node(0, None)
    for i in range(1, n):
        head = Node(i, head)
    return head


def total(h: Optional[Node]) -> int:
    t = 0
    while h is not None:
        t += h.v
        h = h.nxt
    return t


def sorted_inserts(n: int) -> Tree:
    """A binary search tree built from sorted keys: a path n nodes long."""
    root = Tree(0)
    last = root
    for k in range(1, n):
        t = Tree(k)
        last.right = t
        last = t
    return root


def nested_list(n: int) -> list[object]:
    x: list[object] = []
    for i in range(n):
        x = [i, x]
    return x


def nested_dict(n: int) -> dict[str, object]:
    d: dict[str, object] = {}
    for i in range(n):
        d = {"k": d}
    return d


def run() -> None:
    h = chain(500000)
    print("chain", total(h))
    h = Node(7, None)  # the whole chain is freed here
    print("chain again", total(h))
    t = sorted_inserts(300000)
    print("tree", t.key, t.right is not None)
    t = Tree(1)
    xs = nested_list(200000)
    print("list", len(xs), xs[0])
    xs = []
    d = nested_dict(200000)
    print("dict", len(d))
    d = {}
    print("freed", len(xs), len(d), t.key)


for round in range(2):
    run()
print("end")
