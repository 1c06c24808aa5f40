class P:
    __match_args__ = ("x", "y")

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


class Q(P):
    pass


def f(p: P) -> str:
    match p:
        case Q(1, y):
            return f"q1 {y}"
        case P(0, y):
            return f"zero {y}"
        case P(x, y=3):
            return f"three {x}"
        case _:
            return "other"


def main() -> None:
    print(f(P(0, 5)), f(P(7, 3)), f(P(1, 1)), f(Q(1, 9)), f(Q(0, 2)))


if __name__ == "__main__":
    main()
