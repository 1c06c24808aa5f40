def main() -> None:
    prices = [1.5, 2.25, 3.0]
    total = 0
    for p in prices:
        total += p
    print(total)


if __name__ == "__main__":
    main()
