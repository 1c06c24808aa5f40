# expect: unsupported-builtin @ 3
def main() -> None:
    with open("data.txt") as fh:
        print(fh.read())


if __name__ == "__main__":
    main()
