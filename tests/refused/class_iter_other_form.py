# expect: unsupported-class @ 6
class Evens:
    def __init__(self) -> None:
        self.xs = [1, 2, 3, 4]

    def __iter__(self):
        for x in self.xs:
            if x % 2 == 0:
                yield x
