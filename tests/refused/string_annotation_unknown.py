# expect: unsupported-type @ 4
class Node:
    pass
def f(x: "Bogus") -> int:
    return 1
print(f(1))
