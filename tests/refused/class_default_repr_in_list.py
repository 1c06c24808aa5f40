# expect: object-default-repr @ 12
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __str__(self) -> str:
        return f"P{self.x}"


ps = [P(1), P(2)]
print(ps[0])
print(ps)
