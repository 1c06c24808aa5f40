# corpus: classes: a binary search tree with recursive methods (insert, contains, in-order walk, height), objects in Optional fields
class Tree:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Tree | None = None
        self.right: Tree | None = None
        self.count = 1

    def insert(self, key: int) -> None:
        if key == self.key:
            self.count += 1
        elif key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def contains(self, key: int) -> bool:
        if key == self.key:
            return True
        child = self.left if key < self.key else self.right
        return child is not None and child.contains(key)

    def walk(self, out: list[int]) -> None:
        if self.left is not None:
            self.left.walk(out)
        out.extend([self.key] * self.count)
        if self.right is not None:
            self.right.walk(out)

    def height(self) -> int:
        lh = self.left.height() if self.left is not None else 0
        rh = self.right.height() if self.right is not None else 0
        return 1 + max(lh, rh)

    def __repr__(self) -> str:
        return f"Tree({self.key}, {self.left!r}, {self.right!r})"


def build(keys: list[int]) -> Tree:
    root = Tree(keys[0])
    for k in keys[1:]:
        root.insert(k)
    return root


def main() -> None:
    t = build([50, 30, 70, 20, 40, 60, 80, 30, 65])
    out: list[int] = []
    t.walk(out)
    print(out)
    print([k for k in (10, 20, 65, 66, 80) if t.contains(k)])
    print(t.height())
    small = build([2, 1, 3])
    print(small)
    chain = Tree(0)
    for i in range(1, 300):
        chain.insert(i)
    print(chain.height())


main()
