# expect: type-mismatch @ 5
from collections import deque

d = deque([1, 2])
seen = {d}
print(len(seen))
