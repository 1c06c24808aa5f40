# corpus: class: `object | None` parameters by reference: recursion, a rebound parameter (by value), narrowed locals passed to methods, objects dropped during the call
class Node:
    def __init__(self, v: int, nxt: "Node | None") -> None:
        self.v = v
        self.nxt = nxt

    def bump(self, by: "Node") -> int:
        self.v += by.v
        return self.v


def bump_all(head: Node | None) -> list[int]:
    out: list[int] = []
    cur = head
    prev = head
    while cur is not None:
        if prev is not None and prev is not cur:
            out.append(cur.bump(prev))
        prev = cur
        cur = cur.nxt
    return out


def length(n: Node | None) -> int:
    if n is None:
        return 0
    return 1 + length(n.nxt)


def last_value(n: Node | None, dflt: int) -> int:
    while n is not None:
        if n.nxt is None:
            return n.v
        n = n.nxt  # rebinds the parameter: passed by value
    return dflt


def drop_during(holder: list[Node | None]) -> int:
    n = holder[0]
    if n is None:
        return -1
    holder[0] = None  # the list held the only other handle of n
    return n.bump(Node(100, None)) + length(n)


def main() -> None:
    head: Node | None = None
    for i in range(6):
        head = Node(i, head)
    print(length(head), last_value(head, -1), last_value(None, -1), length(None), bump_all(head))
    holder: list[Node | None] = [None]
    holder[0] = Node(7, Node(8, None))
    print(drop_during(holder), holder[0] is None, drop_during(holder))
    print(length(holder[0]), length(Node(1, holder[0])))


main()
