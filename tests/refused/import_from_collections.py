# expect: unsupported-import @ 2
from collections import ChainMap


def main() -> None:
    q = ChainMap({1: "a"}, {2: "b"})
    print(q[2])


if __name__ == "__main__":
    main()
