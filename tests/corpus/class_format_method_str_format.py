# str.format() fields of objects whose class defines __format__ call it, as format() and f-strings do
class F:
    def __init__(self, tag: str) -> None:
        self.tag = tag

    def __format__(self, spec: str) -> str:
        return self.tag + "[" + spec + "]"

    def __repr__(self) -> str:
        return "F(" + repr(self.tag) + ")"

    def __str__(self) -> str:
        return "str:" + self.tag


def make(tag: str) -> F:
    print("make", tag)
    return F(tag)


def main() -> None:
    f = F("é")
    g = F("g")
    print("{:xyz}".format(f), "{}".format(f), "{0}|{0:>4}".format(f), "{!r:>9}|{!s}".format(f, g))
    print("{}, {:^5}".format(f, g), "{1:q}{0:é}".format(f, g))
    print("{:abc}".format(make("m")), format(f, "w"), f"{f:v} {g!s} {f}")
    n = 5
    print("{:>3}/{:x}".format(n, f), "{}".format(F("")))


if __name__ == "__main__":
    main()
