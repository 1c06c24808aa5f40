# corpus: classes: methods with default and keyword arguments, constructors called with keywords, a class without __init__, empty classes and identity
class Formatter:
    def fmt(self, value: float, width: int = 8, digits: int = 2, fill: str = " ") -> str:
        return f"{value:{fill}>{width}.{digits}f}"

    def row(self, values: list[float], sep: str = "|") -> str:
        return sep.join(self.fmt(v, digits=1) for v in values)


class Marker:
    pass


class Rectangle:
    def __init__(self, width: int = 1, height: int = 1, label: str = "") -> None:
        self.width = width
        self.height = height
        self.label = label or f"{width}x{height}"

    def scaled(self, factor: int = 2) -> "Rectangle":
        return Rectangle(width=self.width * factor, height=self.height * factor)

    def __repr__(self) -> str:
        return f"Rectangle({self.label})"


def main() -> None:
    f = Formatter()
    print(f.fmt(3.14159), f.fmt(2.5, 4), f.fmt(1.0, digits=3), f.fmt(7.0, fill="*", width=6))
    print(f.row([1.25, 2.5, 10.0]), f.row([0.5], sep=";"))
    m1, m2 = Marker(), Marker()
    print(m1 is m2, m1 is m1, m1 == m2, [m1, m2].index(m2))
    r = Rectangle(height=3)
    print(r, r.scaled(), r.scaled(factor=3), Rectangle(label="box"), Rectangle(2, 5))
    rs = [Rectangle(w, 10 - w) for w in range(1, 5)]
    print(max(rs, key=lambda x: x.width * x.height), min(rs, key=lambda x: x.height))


main()
