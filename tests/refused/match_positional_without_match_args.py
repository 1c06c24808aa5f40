# expect: unsupported-syntax @ 9
class P:
    def __init__(self, x: int) -> None:
        self.x = x


def f(p: P) -> int:
    match p:
        case P(0):
            return 0
    return 1


print(f(P(0)))
