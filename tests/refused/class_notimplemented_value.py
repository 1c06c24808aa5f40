# expect: unsupported-class @ 7
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def scale(self, k: int) -> "P":
        return NotImplemented
