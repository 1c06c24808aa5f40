# expect: unsupported-class @ 13
class Animal:
    legs = 4

    def __init__(self, name: str):
        self.name = name


class Dog(Animal):
    pass


Dog.legs = 3
print(Dog.legs)
