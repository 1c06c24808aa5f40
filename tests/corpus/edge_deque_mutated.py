# a loop over a deque that appends to it: CPython's RuntimeError at the loop's next step,
# uncaught (exit status 1, the lines before it printed)
from collections import deque

todo = deque(["a", "b"])
print(todo.pop(), todo)
try:
    todo.popleft()
    todo.popleft()
except IndexError as e:
    print("IndexError:", e)
todo.extend(["x", "y", "z"])
for item in todo:
    print("visit", item)
    if item == "z":
        todo.append("again")
print("not reached")
