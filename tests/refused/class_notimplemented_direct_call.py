# expect: unsupported-class @ 13
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __eq__(self, other: "P") -> bool:
        if other.x < 0:
            return NotImplemented
        return self.x == other.x


a = P(1)
print(a.__eq__(P(2)))
