# expect: type-mismatch @ 11
class K:
    def __init__(self, k: int) -> None:
        self.k = k

    def __eq__(self, other: "K") -> bool:
        return self.k == other.k


seen: set[K] = set()
seen.add(K(1))
