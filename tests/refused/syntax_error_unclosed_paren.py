# expect: syntax-error @ 3
def main() -> None:
    print("total:", sum([1, 2, 3])
    print("done")


if __name__ == "__main__":
    main()
