# expect: unsupported-class @ 8
class P:
    def __init__(self, x: int) -> None:
        self.x = x


p = P(1)
p.y = 2
