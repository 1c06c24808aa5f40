# expect: unsupported-import @ 2
import os


def main() -> None:
    print("cwd length:", len(os.getcwd()) > 0)
    print("sep:", os.sep)


if __name__ == "__main__":
    main()
