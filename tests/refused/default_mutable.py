# expect: unsupported-syntax @ 2
def collect(x: int, into: list[int] = []) -> list[int]:
    into.append(x)  # Python shares one list between calls
    return into


def main() -> None:
    print(collect(1), collect(2))


if __name__ == "__main__":
    main()
