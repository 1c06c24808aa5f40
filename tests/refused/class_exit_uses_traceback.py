# expect: unsupported-class @ 6
class R:
    def __enter__(self) -> "R":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        print(tb)
        return False
