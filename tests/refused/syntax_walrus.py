# expect: unsupported-syntax @ 5
def main() -> None:
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    total = 0
    sums = [total := total + x for x in data]
    print(sums, total)


if __name__ == "__main__":
    main()
