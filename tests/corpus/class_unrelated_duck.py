class Dog:
    def __init__(self, name: str):
        self.name = name
        self.tricks: list[str] = []

    def speak(self, times: int) -> str:
        return " ".join(["woof"] * times)

    def fetch(self) -> str:
        return self.name + " fetches"

    def __repr__(self) -> str:
        return f"Dog({self.name!r})"


class Puppy(Dog):
    def speak(self, times: int) -> str:
        return "yip" * times


class Car:
    def __init__(self, name: str, wheels: int):
        self.name = name
        self.wheels = wheels

    def speak(self, times: int) -> str:
        return "vroom" + "!" * times

    def __repr__(self) -> str:
        return f"Car({self.name!r}, {self.wheels})"


class Robot:
    def __init__(self, name: str):
        self.name = name

    def speak(self, times: int) -> str:
        return "beep" * times

    def __str__(self) -> str:
        return "robot " + self.name

    def __repr__(self) -> str:
        return "Robot()"


def describe(x) -> str:
    if isinstance(x, Dog):
        return "a dog: " + x.fetch()
    if isinstance(x, Car):
        return f"a car with {x.wheels} wheels"
    return "something else: " + type(x).__name__


things = [Dog("rex"), Car("beetle", 4), Puppy("bit"), Robot("r2")]
for i, t in enumerate(things):
    print(t, repr(t), t.name, t.speak(i + 1), describe(t), type(t) is Puppy, t.__class__.__name__)
print(things)
garage = {"a": Car("mini", 4), "b": Dog("max")}
for k, v in garage.items():
    print(k, v, isinstance(v, Car), v.speak(2))
pair = (Robot("x"), Car("y", 3))
print(pair[0].speak(1), len(things), [t.name for t in things if not isinstance(t, Robot)])
for t in things:
    try:
        print(t.fetch())
    except AttributeError as e:
        print("error:", e)
print(things[1].fetch())
