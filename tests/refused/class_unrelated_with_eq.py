# expect: unsupported-class @ 18
class Dog:
    def __init__(self, name: str):
        self.name = name

    def __eq__(self, other: "Dog") -> bool:
        return self.name == other.name

    def __repr__(self) -> str:
        return "Dog()"


class Car:
    def __repr__(self) -> str:
        return "Car()"


things = [Dog("rex"), Car()]
print(Dog("rex") in things)
