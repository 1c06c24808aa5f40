# expect: int-float-mix @ 10
from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: float

print(Item("tea", 3))  # CPython: Item(name='tea', price=3)
