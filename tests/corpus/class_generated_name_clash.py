# corpus: classes: Python names that meet names the translation generates (obj_is, ObjId, O<Class>, Counter__bump, dsp_...)
class Counter:
    def __init__(self) -> None:
        self.n = 0

    def bump(self) -> int:
        self.n += 1
        return self.n

    def __repr__(self) -> str:
        return f"Counter({self.n})"


class Sub(Counter):
    def bump(self) -> int:
        self.n += 2
        return self.n


def obj_is(a: int, b: int) -> bool:
    return a == b


def ObjId(x: int) -> int:
    return x + 1


def OCounter(x: int) -> int:
    return x * 2


def Counter__bump(x: int) -> int:
    return x - 1


def dsp_Counter_bump(x: int) -> int:
    return x * 10


cs: list[Counter] = [Counter(), Sub()]
for c in cs:
    c.bump()
print(cs, cs[0] is cs[1], obj_is(1, 1), ObjId(1), OCounter(2), Counter__bump(3), dsp_Counter_bump(4))
