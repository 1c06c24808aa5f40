# expect: type-mismatch @ 5
def parse(s: str) -> int:
    if s.isdigit():
        return int(s)
    return "invalid"


def main() -> None:
    print(parse("12"), parse("x"))


if __name__ == "__main__":
    main()
