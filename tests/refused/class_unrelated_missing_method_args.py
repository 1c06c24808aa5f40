# expect: unsupported-class @ 19
class Dog:
    def speak(self, n: int) -> str:
        return "woof" * n


class Car:
    def honk(self) -> str:
        return "honk"


def loud() -> int:
    print("evaluated")
    return 2


things = [Dog(), Car()]
for t in things:
    print(t.speak(loud()))
