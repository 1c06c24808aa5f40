# TypeError messages as CPython words them when an Optional operand is None
from typing import Optional
v: Optional[int] = None
w: Optional[float] = None
try:
    print(v + 1)
except TypeError as e:
    print("TE", e)
try:
    print(2 * v)
except TypeError as e:
    print("TE", e)
try:
    print(v ** 2)
except TypeError as e:
    print("TE", e)
try:
    print(v > 0)
except TypeError as e:
    print("TE", e)
try:
    print(1.5 <= w)
except TypeError as e:
    print("TE", e)
b: Optional[int] = 2
try:
    print(v < b)
except TypeError as e:
    print("TE", e)
try:
    print(w < 2)
except TypeError as e:
    print("TE", e)
