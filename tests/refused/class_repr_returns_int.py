# expect: type-mismatch @ 6
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __repr__(self):
        return self.x


print([P(1)])
