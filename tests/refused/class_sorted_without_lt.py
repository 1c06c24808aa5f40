# expect: type-mismatch @ 10
class K:
    def __init__(self, k: int) -> None:
        self.k = k

    def __repr__(self) -> str:
        return f"K({self.k})"


print(sorted([K(2), K(1)]))
