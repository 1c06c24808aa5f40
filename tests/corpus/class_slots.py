class Pt:
    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y

    def moved(self, dx: int) -> "Pt":
        return Pt(self.x + dx, self.y)


class Pt3(Pt):
    __slots__ = ["z"]

    def __init__(self, x: int, y: int, z: int):
        super().__init__(x, y)
        self.z = z


class Tagged(Pt):
    def __init__(self, x: int, y: int, tag: str):
        super().__init__(x, y)
        self.tag = tag


class One:
    __slots__ = "v"

    def __init__(self, v: float):
        self.v = v


p = Pt(1, 2)
p.x = 5
q = p.moved(3)
print(p.x + p.y, q.x, Pt3(1, 2, 3).z, Tagged(0, 1, "t").tag, One(2.5).v)
