class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def __repr__(self) -> str:
        return f"Shape({self.name})"


class Sq(Shape):
    def __init__(self, s: float) -> None:
        super().__init__("sq")
        self.s = s

    def area(self) -> float:
        return self.s * self.s


shapes: list[Shape] = [Sq(2.0), Shape("dot")]
for sh in shapes:
    sh.name += "!"
    print(sh, sh.area(), sh is shapes[0])
