# corpus: classes: Stack and Queue wrappers around lists, errors raised from methods, __len__ and __bool__ via __len__, method chaining returning self
class EmptyError(Exception):
    pass


class Stack:
    def __init__(self) -> None:
        self._items: list[str] = []

    def push(self, x: str) -> "Stack":
        self._items.append(x)
        return self

    def pop(self) -> str:
        if not self._items:
            raise EmptyError("pop from empty stack")
        return self._items.pop()

    def peek(self) -> str:
        return self._items[-1]

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return "Stack(" + ", ".join(self._items) + ")"


class Queue:
    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.items: list[int] = []
        self.dropped = 0

    def put(self, x: int) -> bool:
        if len(self.items) >= self.cap:
            self.dropped += 1
            return False
        self.items.append(x)
        return True

    def get(self) -> int:
        return self.items.pop(0)

    def __len__(self) -> int:
        return len(self.items)


def balanced(text: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in text:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return len(st) == 0


def main() -> None:
    s = Stack().push("a").push("b").push("c")
    print(s, len(s), s.peek())
    print(s.pop(), s.pop(), s, bool(s))
    s.pop()
    try:
        s.pop()
    except EmptyError as e:
        print("EmptyError:", e)
    for t in ["(a[b]{c})", "(]", "((", "x"]:
        print(t, balanced(t))
    q = Queue(3)
    print([q.put(i) for i in range(5)], q.dropped, len(q))
    print(q.get(), q.get(), len(q))
    if q:
        print("still", len(q))


main()
