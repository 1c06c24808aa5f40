# kernel: a binary search tree of node objects: inserts, lookups and a recursive sum over Optional children


class Node:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Node | None = None
        self.right: Node | None = None
        self.count = 1


class Tree:
    def __init__(self) -> None:
        self.root: Node | None = None
        self.size = 0

    def insert(self, key: int) -> None:
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        cur = self.root
        while True:
            if key == cur.key:
                cur.count += 1
                return
            if key < cur.key:
                nxt = cur.left
                if nxt is None:
                    cur.left = Node(key)
                    self.size += 1
                    return
                cur = nxt
            else:
                nxt = cur.right
                if nxt is None:
                    cur.right = Node(key)
                    self.size += 1
                    return
                cur = nxt

    def contains(self, key: int) -> bool:
        cur = self.root
        while cur is not None:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False


def total(n: Node | None) -> int:
    if n is None:
        return 0
    return n.key * n.count + total(n.left) + total(n.right)


def main() -> None:
    t = Tree()
    seed = 7
    for _ in range(750000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        t.insert(seed % 3000000)
    found = 0
    for k in range(0, 3000000, 2):
        if t.contains(k):
            found += 1
    print(f"size {t.size}, found {found}, total {total(t.root)}")


if __name__ == "__main__":
    main()
