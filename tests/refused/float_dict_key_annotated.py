# expect: unsupported-type @ 3
def main() -> None:
    prices: dict[float, str] = {}
    prices[1.5] = "cheap"
    print(prices)


if __name__ == "__main__":
    main()
