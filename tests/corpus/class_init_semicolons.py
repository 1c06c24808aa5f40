# `self.x = x; self.y = y` in `__init__`: every field is set before `self` is used
class P:
    def __init__(self, x: int, y: int):
        """doc"""
        self.x = x; self.y = y
        self.s = self.x + self.y; print("made", self.s)
    def __repr__(self) -> str: return f"P({self.x}, {self.y}, {self.s})"
print(P(1, 2))
