def main() -> None:
    items = [1, "two", 3]
    for item in items:
        print(item)


if __name__ == "__main__":
    main()
