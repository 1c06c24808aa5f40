# corpus: classes: abc.ABC with @abstractmethod methods and an abstract property; CPython's TypeError for abstract classes (singular and plural, arguments evaluated first), ABC through `import abc`
from abc import ABC, abstractmethod
import abc


class Shape(ABC):
    @abstractmethod
    def area(self) -> float:
        ...

    @abstractmethod
    def perimeter(self) -> float:
        """The length around."""

    @property
    @abstractmethod
    def label(self) -> str:
        pass

    def describe(self) -> str:
        return f"{self.label}: area {self.area():.2f}, perimeter {self.perimeter():.2f}"


class Sq(Shape):
    def __init__(self, s: float) -> None:
        self.s = s

    def area(self) -> float:
        return self.s * self.s

    def perimeter(self) -> float:
        return 4 * self.s

    @property
    def label(self) -> str:
        return "square"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return 3.14159 * self.r * self.r

    def perimeter(self) -> float:
        return 2 * 3.14159 * self.r

    @property
    def label(self) -> str:
        return "circle"


class Half(Shape):
    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return self.r


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self) -> int:
        raise NotImplementedError

    def twice(self) -> int:
        return 2 * self.run()


class Impl(Base):
    def run(self) -> int:
        return 21


def make(n: int) -> float:
    print("make", n)
    return float(n)


shapes: list[Shape] = [Sq(2.0), Circle(1.0)]
for s in shapes:
    print(s.describe())
try:
    Shape()
except TypeError as e:
    print(e)
try:
    h = Half(make(3))
    print("not reached", h.area())
except TypeError as e:
    print("TypeError:", e)
try:
    Base()
except TypeError as e:
    print(e)
print(Impl().twice(), isinstance(shapes[0], Shape))
Shape()
