# expect: unsupported-class @ 7
class Box:
    def __init__(self) -> None:
        self.items: list[int] = []

    def fill(self) -> None:
        self.size = 3


b = Box()
b.fill()
print(b.size)
