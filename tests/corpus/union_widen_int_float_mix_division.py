def main() -> None:
    count = 7
    print(count)
    count = count / 2
    print(count)


if __name__ == "__main__":
    main()
