# evaluation order: print's sep=/end= in the order written, keyword arguments, str.format fields in order
counter = 0


def inc() -> int:
    global counter
    counter += 1
    return counter


def pair(a: int, b: int) -> str:
    return f"a={a} b={b}"


def e() -> str:
    print("E")
    return "\n"


def s() -> str:
    print("S")
    return "-"


def x() -> str:
    print("x called")
    return "X"


def main() -> None:
    print(1, 2, end=e(), sep=s())
    print(1, 2, sep=s(), end=e())
    local = 5
    print(pair(b=inc(), a=local))
    print("{} and {}".format(x(), "lit"), "{1} {0}".format(local, "z"))


main()
