"""raise ... from ...: the new exception is what is caught; an escaping one ends the program
with exit code 1 (its chain shows only on stderr)."""


class ParseError(Exception):
    pass


def note(msg: str) -> ValueError:
    print("cause built:", msg)
    return ValueError(msg)


def parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError as e:
        raise ParseError(f"not a number: {text!r}") from e
    if not 0 < port < 65536:
        raise ParseError(f"out of range: {port}") from note("range")
    if port < 1024:
        raise ParseError("privileged") from None
    return port


def main() -> None:
    for text in ["8080", "http", "70000", "22"]:
        try:
            print("port", parse_port(text))
        except ParseError as e:
            print("ParseError:", e, e.args)
    try:
        raise RuntimeError("outer") from KeyError("inner")
    except RuntimeError as e:
        print(repr(e))
    print(parse_port("-1"))


main()
