def main() -> None:
    value = 10
    print(value + 1)
    value = "ten"
    print(value.upper())


if __name__ == "__main__":
    main()
