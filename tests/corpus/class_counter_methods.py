# corpus: classes: a counter object with a method that mutates a field
class Counter:
    def __init__(self) -> None:
        self.count = 0

    def bump(self) -> int:
        self.count += 1
        return self.count


def main() -> None:
    c = Counter()
    c.bump()
    print(c.bump())


if __name__ == "__main__":
    main()
