# expect: unsupported-class @ 5
class Node:
    def __init__(self, v: int) -> None:
        self.show()
        self.v = v

    def show(self) -> None:
        print(self.v)


Node(1)
