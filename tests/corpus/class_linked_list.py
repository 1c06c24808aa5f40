# corpus: classes: a singly linked list with Optional next pointers, iteration by walking, reversal in place
class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self) -> None:
        self.head: Node | None = None
        self.size = 0

    def push_front(self, v: int) -> None:
        self.head = Node(v, self.head)
        self.size += 1

    def append(self, v: int) -> None:
        node = Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def to_list(self) -> list[int]:
        out: list[int] = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def reverse(self) -> None:
        prev: Node | None = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def find(self, v: int) -> Node | None:
        cur = self.head
        while cur is not None:
            if cur.value == v:
                return cur
            cur = cur.next
        return None


def main() -> None:
    ll = LinkedList()
    for i in range(5):
        ll.append(i * i)
    ll.push_front(-1)
    print(ll.to_list(), ll.size)
    ll.reverse()
    print(ll.to_list())
    hit = ll.find(9)
    if hit is not None:
        hit.value = 99
    print(ll.to_list(), ll.find(1000) is None)
    first = ll.head
    print(first is not None and first.value == 16)
    empty = LinkedList()
    empty.reverse()
    print(empty.to_list(), empty.head is None)
    try:
        print(empty.head.value)
    except AttributeError as e:
        print("AttributeError:", e)


main()
