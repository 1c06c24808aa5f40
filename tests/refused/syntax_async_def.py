# expect: unsupported-syntax @ 2
async def fetch(n: int) -> int:
    return n * 2


def main() -> None:
    print("not awaited")


if __name__ == "__main__":
    main()
