# expect: unsupported-class @ 6
class Seq:
    def __init__(self) -> None:
        self.xs = [1, 2]

    def __iter__(self) -> int:
        return 0
