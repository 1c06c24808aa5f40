# corpus: classes: three-level inheritance, class constants overridden per class, super() chains, isinstance filters over list[Animal]
class Animal:
    sound = "..."
    legs = 4

    def __init__(self, name: str, age: int) -> None:
        self.name = name
        self.age = age

    def speak(self) -> str:
        return f"{self.name} says {self.sound}"

    def describe(self) -> str:
        return f"{self.name} ({self.age}y, {self.legs} legs)"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name: str, age: int, breed: str) -> None:
        super().__init__(name, age)
        self.breed = breed

    def describe(self) -> str:
        return super().describe() + f", a {self.breed}"


class Puppy(Dog):
    sound = "yip"

    def describe(self) -> str:
        return "puppy " + super().describe()


class Bird(Animal):
    sound = "tweet"
    legs = 2

    def speak(self) -> str:
        return super().speak() + "!"


def main() -> None:
    zoo: list[Animal] = [Dog("rex", 5, "collie"), Bird("tweety", 1), Puppy("bit", 0, "pug"), Animal("thing", 9)]
    for a in zoo:
        print(a.speak(), "|", a.describe())
    dogs = [a.name for a in zoo if isinstance(a, Dog)]
    print(dogs, sum(a.legs for a in zoo), [a.sound for a in zoo])
    oldest = max(zoo, key=lambda a: a.age)
    print(oldest.name, type(oldest).__name__, [type(a).__name__ for a in zoo])
    zoo.sort(key=lambda a: a.name)
    print([a.name for a in zoo])
    print(isinstance(zoo[0], Animal), isinstance(zoo[0], Bird), Puppy.sound, Dog.legs)


main()
