# expect: object-default-repr @ 8
class P:
    def __init__(self, x: int) -> None:
        self.x = x


p = P(1)
print("p is", p)
