# str.format with keyword fields: by name, mixed with automatic and numbered positions, repeated,
# with conversions and specs; an unused keyword is evaluated and ignored; the arguments are
# evaluated in the order written (positional, then keywords) before any field is formatted.


class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __repr__(self) -> str:
        return f"P({self.x})"


def f(x: int) -> int:
    print("f", x)
    return x


def main() -> None:
    n = "bob"
    print("{name} is {age:>3}".format(name=n, age=7))
    print("{0} {x} {0}".format(1, x=2))
    print("{} and {who!r} {} {who}".format("a", "b", who="c"))
    print("{a}{b}".format(a=f(1), b=f(2)))
    print("{}-{k}".format(f(3), k=f(4)))
    p = P(3)
    print("{a:08.3f}|{p!r}|{p}|{p!s:>6}".format(a=3.14159, p=p))
    ys = [1, 2]
    print("{x}".format(x=None), "{y}".format(y=ys, z=3), "{y!r:>5}".format(y="é"))
    rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25)]
    for name, qty, price in rows:
        print("{name:<8}{qty:>4} x {price:6.2f} = {total:8.2f}".format(name=name, qty=qty, price=price,
                                                                       total=qty * price))
    try:
        print("{v:d}".format(v="x"))
    except ValueError as e:
        print("ValueError", e)


if __name__ == "__main__":
    main()
