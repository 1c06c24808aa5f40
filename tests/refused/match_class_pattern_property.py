# expect: unsupported-syntax @ 14
class P:
    def __init__(self, x: int) -> None:
        self._x = x

    @property
    def x(self) -> int:
        print("read x")
        return self._x


def f(p: P) -> str:
    match p:
        case P(x=0 | 1 as v):
            return f"small {v}"
    return "big"


print(f(P(1)))
