# expect: type-mismatch @ 6
from typing import Optional

readings: list[Optional[float]] = [2.5, None]
print(readings)
print(max(readings))
