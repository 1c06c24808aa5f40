# expect: unsupported-import @ 2
from collections import Counter


def main() -> None:
    counts = Counter("mississippi")
    print(sorted(counts.items()))


if __name__ == "__main__":
    main()
