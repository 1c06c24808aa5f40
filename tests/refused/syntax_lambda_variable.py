# expect: unsupported-syntax @ 3
def main() -> None:
    square = lambda x: x * x
    print(square(7))


if __name__ == "__main__":
    main()
