# corpus: edge: `b.x += g()` where g rebinds the module variable b (in a function with `global b` and at module level): Python changes the object read before the call; also a str field and a list field
class Box:
    def __init__(self, x: int) -> None:
        self.x = x
        self.name = "n" + str(x)
        self.items: list[int] = [x]


b = Box(1)
c = b


def g() -> int:
    global b
    b = Box(b.x + 10)
    return 5


def s() -> str:
    global b
    b = Box(100)
    return "!"


def main() -> None:
    global b
    b.x += g()
    print(b.x, c.x)
    b.name += s()
    print(b.name, c.name)
    d = b
    b.items += [g()]
    print(b.items, d.items)


main()
b.x += g()
print(b.x, c.x)
