# corpus: classes: an exception raised inside __repr__/__str__ while printing (directly and inside a list), and inside __init__
class Fragile:
    def __init__(self, v: int) -> None:
        if v < 0:
            raise ValueError(f"negative: {v}")
        self.v = v

    def __repr__(self) -> str:
        if self.v == 13:
            raise RuntimeError("unlucky repr")
        return f"F{self.v}"


def main() -> None:
    ok = Fragile(1)
    bad = Fragile(13)
    print(ok)
    try:
        print("before", ok, bad, "after")
    except RuntimeError as e:
        print("caught:", e)
    try:
        print([ok, bad])
    except RuntimeError as e:
        print("caught in list:", e)
    try:
        s = f"{ok} and {bad}"
        print(s)
    except RuntimeError as e:
        print("caught in f-string:", e)
    try:
        Fragile(-5)
    except ValueError as e:
        print("init failed:", e)
    print(repr(ok), str([ok, ok]))
    print(bad)


main()
