# `x[i].f += v`, `f().f *= v`, `d[k].f //= v`: the object before the dot is evaluated once, then the field
# is read, the right side evaluated (it may grow the list) and the field stored
class C:
    def __init__(self, v: int):
        self.v = v
        self.kids: list["C"] = []


calls = []


def pick(cs: list[C], i: int) -> C:
    calls.append(i)
    return cs[i]


def bump(cs: list[C]) -> int:
    cs.append(C(100))
    return 5


cs = [C(1), C(2)]
cs[0].v += 10
pick(cs, 1).v *= 3
cs[0].kids.append(C(7))
cs[0].kids[0].v -= 2
cs[1].v += bump(cs)
print([c.v for c in cs], cs[0].kids[0].v, calls)
d = {"a": C(5)}
d["a"].v //= 2
print(d["a"].v)
o = C(1)
o.kids.append(C(3))
o.kids[-1].v **= 3
print(o.kids[0].v)
try:
    d["zz"].v += 1
except KeyError as e:
    print("KeyError", e)
