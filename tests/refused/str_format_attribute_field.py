# expect: unsupported-builtin @ 9
class P:
    def __init__(self, x: int) -> None:
        self.x = x


def main() -> None:
    p = P(1)
    print("{p.x}".format(p=p))


if __name__ == "__main__":
    main()
