# expect: unsupported-builtin @ 7
from collections import deque

n = -1
# CPython makes the generator before it checks maxlen; Portalis would check maxlen first
squares = (i * i for i in range(5))
d = deque(squares, n)
print(d)
