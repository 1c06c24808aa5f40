# corpus: classes: @property with setter, @staticmethod, @classmethod alternate constructors, class constants, methods calling methods
class Temperature:
    ABS_ZERO = -273.15

    def __init__(self, celsius: float) -> None:
        self._c = celsius

    @property
    def celsius(self) -> float:
        return self._c

    @celsius.setter
    def celsius(self, value: float) -> None:
        if value < Temperature.ABS_ZERO:
            raise ValueError(f"below absolute zero: {value}")
        self._c = value

    @property
    def fahrenheit(self) -> float:
        return self._c * 9 / 5 + 32

    @staticmethod
    def c_to_f(c: float) -> float:
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f: float) -> "Temperature":
        return cls((f - 32) * 5 / 9)

    def warmer(self, by: float) -> "Temperature":
        return Temperature(self.celsius + by)

    def __repr__(self) -> str:
        return f"Temperature({self._c:.1f})"


class IdGen:
    PREFIX = "id"

    def __init__(self, start: int = 1) -> None:
        self.next_id = start

    def take(self) -> str:
        n = self.next_id
        self.next_id += 1
        return f"{IdGen.PREFIX}-{n}"

    def take_many(self, k: int) -> list[str]:
        return [self.take() for _ in range(k)]


def main() -> None:
    t = Temperature(20.0)
    print(t.celsius, t.fahrenheit, t)
    t.celsius = 25.5
    print(t, round(t.fahrenheit, 2))
    try:
        t.celsius = -300.0
    except ValueError as e:
        print("refused:", e)
    print(t, Temperature.c_to_f(100.0), t.c_to_f(0.0))
    u = Temperature.from_f(212.0)
    print(u, u.warmer(5.0), Temperature.ABS_ZERO, t.ABS_ZERO)
    g = IdGen()
    h = IdGen(100)
    print(g.take(), g.take(), h.take(), g.take_many(3), h.next_id)


main()
