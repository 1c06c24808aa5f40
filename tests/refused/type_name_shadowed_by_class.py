# expect: type-mismatch @ 12
# `type` is the program's own class here: `type(e)` calls it (CPython's TypeError), not the builtin
class type:
    def __init__(self, v: int, tag: str):
        self.v = v
        self.tag = tag


try:
    raise ValueError("x")
except ValueError as e:
    print(type(e).__name__)
