# corpus: classes: objects holding objects, attribute chains a.b.c read and updated, objects returned in tuples and unpacked
class Engine:
    def __init__(self, hp: int) -> None:
        self.hp = hp
        self.running = False


class Car:
    def __init__(self, name: str, hp: int) -> None:
        self.name = name
        self.engine = Engine(hp)
        self.km = 0

    def drive(self, km: int) -> None:
        if not self.engine.running:
            self.engine.running = True
        self.km += km


class Garage:
    def __init__(self) -> None:
        self.cars: list[Car] = []
        self.best: Car | None = None

    def park(self, car: Car) -> None:
        self.cars.append(car)
        if self.best is None or car.engine.hp > self.best.engine.hp:
            self.best = car


def split(cars: list[Car], limit: int) -> tuple[list[Car], list[Car]]:
    fast = [c for c in cars if c.engine.hp >= limit]
    slow = [c for c in cars if c.engine.hp < limit]
    return fast, slow


def main() -> None:
    g = Garage()
    for name, hp in [("a", 90), ("b", 300), ("c", 150)]:
        g.park(Car(name, hp))
    g.cars[0].drive(10)
    g.cars[0].engine.hp += 5
    g.cars[2].engine.hp *= 3
    best = g.best
    if best is not None:
        print(best.name, best.engine.hp)
    fast, slow = split(g.cars, 200)
    print([c.name for c in fast], [c.name for c in slow])
    print([(c.name, c.km, c.engine.hp, c.engine.running) for c in g.cars])
    e = g.cars[1].engine
    e.running = True
    print(g.cars[1].engine.running, e is g.cars[1].engine)


main()
