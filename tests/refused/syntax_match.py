# expect: unsupported-syntax @ 3
def describe(code: int) -> str:
    match code:
        case 200:
            return "ok"
        case 404:
            return "not found"
        case _:
            return "other"


def main() -> None:
    print(describe(404))


if __name__ == "__main__":
    main()
