# expect: dynamic-eval @ 9
def double(n: int) -> int:
    return n * 2


def main() -> None:
    name = "dou" + "ble"
    print(double(2))
    print(globals()[name](21))


if __name__ == "__main__":
    main()
