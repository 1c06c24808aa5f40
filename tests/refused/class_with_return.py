# expect: finally-control-flow @ 14
class R:
    def __enter__(self) -> "R":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        return False


def f() -> int:
    with R():
        if True:
            pass
        return 1
    return 0
