# corpus: classes: ABC edge cases: @abstractmethod without ABCMeta changes nothing, ABC next to a user base, metaclass=ABCMeta, an abstract method implemented further down, super() into an abstract body, isinstance(x, ABC)
from abc import ABC, ABCMeta, abstractmethod


class Plain:
    @abstractmethod
    def go(self) -> str:
        return "plain go"


class Mixed(Plain, ABC):
    def other(self) -> int:
        return 1


class Meta(metaclass=ABCMeta):
    @abstractmethod
    def step(self, n: int) -> int:
        print("abstract step", n)
        return n

    @abstractmethod
    def name(self) -> str:
        ...


class Middle(Meta):
    def step(self, n: int) -> int:
        return super().step(n) * 2


class Leaf(Middle):
    def name(self) -> str:
        return "leaf"


def attempt(which: int) -> None:
    try:
        if which == 0:
            print(Plain().go())
        elif which == 1:
            print(Mixed().go(), Mixed().other())
        elif which == 2:
            print(Meta().name())
        elif which == 3:
            print(Middle().step(1))
        else:
            leaf = Leaf()
            print(leaf.name(), leaf.step(5))
    except TypeError as e:
        print("TypeError:", e)


for i in range(5):
    attempt(i)



class A(ABC):
    def f(self) -> int:
        return 1


class B(A):
    pass


class M(metaclass=ABCMeta):
    def g(self) -> int:
        return 2


class N(M):
    pass


class Bare:
    pass


xs: list[A] = [A(), B()]
print([isinstance(x, ABC) for x in xs], isinstance(N(), ABC), isinstance(M(), ABC), isinstance(Bare(), ABC))
print(isinstance(B(), A), isinstance(N(), M))
