# expect: unsupported-import @ 2
from collections import OrderedDict


def main() -> None:
    q = OrderedDict([(1, "a"), (2, "b")])
    q.move_to_end(1)
    print(list(q))


if __name__ == "__main__":
    main()
