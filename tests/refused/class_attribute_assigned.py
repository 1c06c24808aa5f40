# expect: unsupported-class @ 8
class Counter:
    total = 0

    def __init__(self) -> None:
        self.n = 0

Counter.other = 5
