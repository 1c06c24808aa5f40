"""Enums and named tuples with user classes and a dataclass: an object inside a named tuple is
shared (a change through the object shows in the tuple), enum fields print by str and repr."""
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Role(Enum):
    ADMIN = "admin"
    USER = "user"


class Person:
    def __init__(self, name: str, role: Role) -> None:
        self.name = name
        self.role = role

    def __repr__(self) -> str:
        return f"Person({self.name!r}, {self.role})"


class Grant(NamedTuple):
    who: Person
    level: int


@dataclass
class Audit:
    entries: list[Grant]
    role: Role


ann = Person("ann", Role.ADMIN)
g = Grant(ann, 3)
a = Audit([g, Grant(Person("bob", Role.USER), 1)], Role.USER)
print(g, g.who.role.value, a)
print(type(ann).__name__, type(g).__name__, type(Role.ADMIN).__name__)
ann.role = Role.USER
print(g, [x.who.role for x in a.entries])
