"""A dataclass's generated __init__ calls __post_init__ when the class has one, its own or a
base's (CPython: `hasattr(cls, "__post_init__")`). Found by the hunt of 2026-12-04: a dataclass
subclass without its own __post_init__ never called its base's (fields kept their defaults)."""
from dataclasses import dataclass


@dataclass
class Base:
    a: int
    twice: int = 0

    def __post_init__(self) -> None:
        self.twice = self.a * 2
        print("base post_init", type(self).__name__)


@dataclass
class Kid(Base):
    b: int = 1


@dataclass
class Grand(Kid):
    def __post_init__(self) -> None:
        super().__post_init__()
        print("grand post_init")


class NotDc(Base):
    pass


print(Kid(3), Kid(4, 0, 5))
print(Grand(5))
print(NotDc(6))
