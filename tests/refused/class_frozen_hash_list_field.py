# expect: type-mismatch @ 10
from dataclasses import dataclass


@dataclass(frozen=True)
class Tagged:
    tags: list[str]


seen = {Tagged(["a"])}
