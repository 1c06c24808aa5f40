# deque.insert (list.insert's positions; IndexError at maxlen) and del d[i] (a change a loop
# over the deque notices)
from collections import deque

d = deque([1, 2, 3], maxlen=3)
try:
    d.insert(1, 9)
except IndexError as e:
    print("IndexError", e)
d = deque([1, 2, 3])
d.insert(-1, 9)
d.insert(100, 7)
d.insert(-100, 0)
print(d)
try:
    for x in d:
        if x == 2:
            del d[0]
except RuntimeError as e:
    print("RuntimeError", e, d)
try:
    del d[99]
except IndexError as e:
    print("IndexError", e)
del d[-1]
print(d, len(d))
w = deque(maxlen=4)
w.insert(0, "a")
w.insert(0, "b")
print(w)
