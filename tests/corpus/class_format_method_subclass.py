# a subclass's __format__ is called through a variable of its base class, as CPython does
class Base:
    def __format__(self, spec: str) -> str:
        return "base[" + spec + "]"

    def __str__(self) -> str:
        return "base-str"


class Kid(Base):
    def __format__(self, spec: str) -> str:
        return "kid[" + spec + "]"


class Plain:
    def __str__(self) -> str:
        return "plain"


class Fancy(Plain):
    def __format__(self, spec: str) -> str:
        return "fancy[" + spec + "]"


def pick(k: bool) -> Base:
    if k:
        return Kid()
    return Base()


def main() -> None:
    for k in [True, False]:
        b = pick(k)
        print(f"{b}", f"{b:x}", format(b, "é"), "{:y}".format(b), "{}".format(b), f"{b!s:>9}", str(b))
    f = Fancy()
    p = Plain()
    print(f"{f:q}", "{}|{}".format(f, f), format(f), f"{f:}", f"{f!s}", str(p), f"{p!s:>6}")


if __name__ == "__main__":
    main()
