# expect: unsupported-syntax @ 5
from typing import Optional
k: Optional[int] = None
print(k)
k, v = 3, 2
print(k, v)
