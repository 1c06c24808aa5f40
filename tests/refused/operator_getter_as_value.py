# expect: unsupported-builtin @ 6
from operator import itemgetter


def main() -> None:
    second = itemgetter(1)
    print(second((1, 2)))


if __name__ == "__main__":
    main()
