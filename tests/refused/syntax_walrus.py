# expect: unsupported-syntax @ 5
def main() -> None:
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    i = 0
    while (n := data[i]) != 9:
        i += 1
    print("found 9 at", i, n)


if __name__ == "__main__":
    main()
