# expect: unsupported-syntax @ 4
def describe(config: dict[str, int]) -> str:
    match config:
        case {"port": port, **rest}:
            return f"{port} and {len(rest)} more"
        case _:
            return "other"


def main() -> None:
    print(describe({"port": 80, "debug": 1}))


if __name__ == "__main__":
    main()
