# expect: unsupported-class @ 8
class Pt:
    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y
        self.z = x + y


print(Pt(1, 2).x)
