# expect: unsupported-class @ 8
class Evens:
    def __init__(self) -> None:
        self.xs = [1, 2, 3, 4]

    # returns the list itself, not an iterator: CPython's TypeError when a loop calls it
    # ("iter() returned non-iterator of type 'list'")
    def __iter__(self):
        return self.xs


for x in Evens():
    print(x)
