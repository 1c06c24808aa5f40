# A walrus rebinding a local object that an earlier operand, a receiver or an augmented target
# read: CPython reads the old object first (an alias shows which one changed).
class C:
    def __init__(self, a: int, b: str):
        self.a = a
        self.b = b
        self.hist: list[int] = [a]

    def bump(self, d: int) -> int:
        self.a += d
        self.hist.append(self.a)
        return self.a

    def label(self) -> str:
        return self.b + ':' + str(self.a)


def f() -> None:
    o = C(1, "x")
    old = o
    print(o.a, (o := C(2, "y")).a, o.a, old.a)
    o = C(3, "p"); old = o
    o.a += (o := C(4, "q")).a
    print(old.a, o.a)
    o = C(5, "r"); old = o
    o.b += (o := C(6, "s")).b
    print(old.b, o.b)
    o = C(7, "t"); old = o
    o.a -= len((o := C(8, "u")).hist)
    print(old.a, o.a)
    o = C(9, "v"); old = o
    print(o.label() + (o := C(10, "w")).label(), o.a)
    o = C(11, "x"); old = o
    o.hist.append(len((o := C(12, "y")).hist))
    print(old.hist, o.hist)
    o = C(13, "z"); old = o
    o.hist[0] += (o := C(14, "a")).a
    print(old.hist, o.hist)
    o = C(15, "b"); old = o
    print(o.bump((o := C(16, "c")).a), old.a, o.a)
    o = C(17, "d"); old = o
    print([o.a, (o := C(18, "e")).a, o.b], old.hist)
    o = C(19, "f"); old = o
    print(o.a < (o := C(1, "g")).a, o.a == old.a)
    o = C(20, "h"); old = o
    print(f"{o.b}|{(o := C(21, 'i')).b}|{o.b}")
    o = C(22, "j"); old = o
    o.hist += (o := C(23, "k")).hist
    print(old.hist, o.hist)
    o = C(24, "l"); old = o
    o.hist[len(o.hist) - 1] = len((o := C(25, "m")).hist) + 100
    print(old.hist, o.hist)
    o = C(26, "n"); old = o
    print(max(o.a, (o := C(27, "o")).a, o.a), o.b + old.b)
    o = C(28, "p"); old = o
    print(o.a if (o := C(0, "q")).a else o.b, old.a)


f()
