# expect: unsupported-syntax @ 12
def trace(tag: str) -> int:
    print("eval", tag)
    return len(tag)


def pair(a: int, b: int) -> str:
    return f"{a}-{b}"


def main() -> None:
    print(pair(b=trace("first"), a=trace("second")))  # Python evaluates b's argument first


if __name__ == "__main__":
    main()
