# expect: unsupported-syntax @ 4
def describe(value: int | str) -> str:
    match value:
        case int(x) | str(x):
            return f"scalar {x}"
        case _:
            return "other"


def main() -> None:
    print(describe(3))


if __name__ == "__main__":
    main()
