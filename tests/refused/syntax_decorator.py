# expect: unsupported-syntax @ 6
def trace(f):
    return f


@trace
def add(a: int, b: int) -> int:
    return a + b


def main() -> None:
    print(add(2, 3))


if __name__ == "__main__":
    main()
