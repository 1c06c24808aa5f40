# expect: unsupported-builtin @ 7
from operator import itemgetter


def main() -> None:
    k = 1
    print(sorted([(1, 2), (0, 1)], key=itemgetter(k)))


if __name__ == "__main__":
    main()
