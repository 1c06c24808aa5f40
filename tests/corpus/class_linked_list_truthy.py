# Objects in a linked list: `while cur:` on an Optional node, relinking through fields
from typing import Optional


class Node:
    def __init__(self, value: int, next: Optional["Node"] = None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self) -> None:
        self.head: Optional[Node] = None
        self.size = 0

    def push(self, value: int) -> None:
        self.head = Node(value, self.head)
        self.size += 1

    def pop(self) -> int:
        if self.head is None:
            raise IndexError("pop from empty list")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def reverse(self) -> None:
        prev: Optional[Node] = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def to_list(self) -> list[int]:
        out = []
        cur = self.head
        while cur:
            out.append(cur.value)
            cur = cur.next
        return out

    def __len__(self) -> int:
        return self.size


ll = LinkedList()
for i in range(5):
    ll.push(i * i)
print(ll.to_list(), len(ll))
ll.reverse()
print(ll.to_list())
print(ll.pop(), ll.pop(), len(ll))
try:
    while True:
        ll.pop()
except IndexError as e:
    print("empty:", e)
