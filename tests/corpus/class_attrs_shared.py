class Registry:
    count = 0
    names: list[str] = []
    by_name = {}
    ORIGIN = (0, 0)
    LABEL = "reg"

    def __init__(self, name: str):
        Registry.count += 1
        self.name = name
        self.names.append(name)
        Registry.by_name[name] = Registry.count

    def total(self) -> int:
        return self.count

    @classmethod
    def reset(cls) -> None:
        cls.count = 0
        cls.names.clear()

    @classmethod
    def summary(cls) -> str:
        return f"{cls.LABEL}: {cls.count} {cls.names}"


class Animal:
    sound = "..."
    legs = 4
    created = 0

    def __init__(self, name: str):
        self.name = name
        Animal.created += 1

    def speak(self) -> str:
        return self.name + " says " + self.sound + " on " + str(self.legs) + " legs"


class Bird(Animal):
    sound = "tweet"
    legs = 2


class Dog(Animal):
    sound = "woof"


a = Registry("a")
b = Registry("b")
print(Registry.count, a.total(), b.count, a.ORIGIN, Registry.ORIGIN[1])
Registry.count += 10
print(a.count, Registry.names, b.names, Registry.by_name)
print(Registry.summary())
Registry.reset()
print(Registry.summary(), a.names == b.names)
c = Registry("c")
print(Registry.summary(), Registry.by_name)
Registry.LABEL = "registry"
print(c.LABEL, Registry.summary())

zoo: list[Animal] = [Animal("generic"), Bird("tweety"), Dog("rex")]
for x in zoo:
    print(x.speak())
print(Animal.created, Bird.sound, Dog.legs)
Animal.sound = "hmm"
Animal.legs = 3
for x in zoo:
    print(x.speak())
total = 0
for i in range(5):
    Animal.created += i
    total += Animal.created
print(total, Animal.created)
