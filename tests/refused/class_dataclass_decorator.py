# expect: unsupported-class @ 4
from typing import Any

@dataclass
class P:
    x: int
