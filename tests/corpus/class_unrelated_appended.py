class Dog:
    def speak(self) -> str:
        return "woof"


class Car:
    def speak(self) -> str:
        return "vroom"


things = [Dog()]
things.append(Car())
for t in things:
    print(t.speak())
x = Dog()
print(x.speak())
x = Car()
print(x.speak())


def talk(x) -> str:
    return x.speak()


print(talk(Dog()), talk(Car()))
