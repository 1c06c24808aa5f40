# corpus: classes: `with` over user context managers (__enter__/__exit__): normal exit, an exception passed to __exit__ and re-raised or suppressed, nesting
class Resource:
    def __init__(self, name: str, log: list[str]) -> None:
        self.name = name
        self.log = log
        self.open = False

    def __enter__(self) -> "Resource":
        self.open = True
        self.log.append(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.open = False
        if exc_type is None:
            self.log.append(f"close {self.name}")
        else:
            self.log.append(f"close {self.name} after {exc!r}")
        return False

    def use(self, x: int) -> int:
        if x < 0:
            raise ValueError(f"negative {x}")
        return x * 2


class Suppress:
    def __init__(self) -> None:
        self.caught = 0

    def __enter__(self) -> "Suppress":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is not None:
            self.caught += 1
            print("suppressed:", exc)
            return True
        return False


def main() -> None:
    log: list[str] = []
    with Resource("a", log) as r:
        print(r.use(21), r.open)
    print(r.open, log)
    try:
        with Resource("b", log) as r2:
            r2.use(-1)
            print("not reached")
    except ValueError as e:
        print("caught:", e)
    print(log[-2:])
    s = Suppress()
    with s:
        raise KeyError("k")
    with s:
        print("quiet")
    for i in range(3):
        with s:
            if i == 1:
                raise RuntimeError(f"boom {i}")
            print("ok", i)
    print(s.caught)
    with Resource("outer", log) as o, Resource("inner", log) as i2:
        print(o.name, i2.name, o.open and i2.open)
    print(log[-4:])


main()
