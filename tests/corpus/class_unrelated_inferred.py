class Dog:
    def __init__(self, name: str):
        self.name = name

    def speak(self) -> str:
        return "woof"

    def __repr__(self) -> str:
        return "Dog(" + self.name + ")"


class Car:
    def __init__(self, name: str):
        self.name = name

    def speak(self) -> str:
        return "vroom"

    def __repr__(self) -> str:
        return "Car(" + self.name + ")"


def pick(flag: bool):
    if flag:
        return Dog("a")
    return Car("b")


def main() -> None:
    x: Dog | Car = Dog("d")
    print(x, x.speak())
    x = Car("c")
    print(x, x.speak(), x.name)
    pets = {}
    pets["one"] = Dog("rex")
    pets["two"] = Car("herbie")
    for k in ["one", "two"]:
        print(k, pets[k], pets[k].speak())
    print(pick(True), pick(False).name)
    y = pick(True)
    if isinstance(y, Dog):
        print("dog", y.name)
    maybe: Dog | Car | None = None
    print(maybe is None)
    maybe = Car("m")
    if maybe is not None:
        print(maybe.speak())


main()
