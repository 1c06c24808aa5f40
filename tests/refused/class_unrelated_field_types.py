# expect: unsupported-class @ 12
class Dog:
    def __init__(self) -> None:
        self.size = "big"


class Car:
    def __init__(self) -> None:
        self.size = 4


for t in [Dog(), Car()]:
    print(t.size)
