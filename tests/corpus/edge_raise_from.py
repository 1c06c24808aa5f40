# raise ... from e / from None (the cause only shows in the stderr chain)
def parse(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad number {s!r}") from e


def main() -> None:
    print(parse("12"))
    try:
        parse("x")
    except RuntimeError as e:
        print("caught:", e)
    raise KeyError("k") from None


main()
