# expect: unsupported-class @ 7
from dataclasses import dataclass


@dataclass
class Cart:
    items: list[str] = []
