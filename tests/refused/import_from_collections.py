# expect: unsupported-import @ 2
from collections import deque


def main() -> None:
    q = deque([1, 2, 3])
    q.appendleft(0)
    print(list(q))


if __name__ == "__main__":
    main()
