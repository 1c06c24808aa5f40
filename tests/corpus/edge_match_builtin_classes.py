from typing import NamedTuple


class P(NamedTuple):
    x: int
    y: int


def t1(v: tuple[int, str]) -> str:
    match v:
        case list():
            return "list"
        case tuple():
            return "tuple"
    return "?"


def t2(v: set[int]) -> str:
    match v:
        case set() if len(v) > 1:
            return "big set"
        case set():
            return "set"
    return "?"


def t3(v: P) -> str:
    match v:
        case tuple((a, b)):
            return f"tuple {a} {b}"
    return "?"


def t4(v: bool) -> str:
    match v:
        case int(n):
            return f"int {n}"
    return "?"


def t5(v: int) -> str:
    match v:
        case float():
            return "float"
        case bool():
            return "bool"
        case True:
            return "True"
        case 1:
            return "one"
        case int():
            return "int"
    return "?"


def t6(v: dict[str, int]) -> str:
    match v:
        case list() | tuple():
            return "seq"
        case dict() if v:
            return "dict"
    return "empty"


def t7(v: str) -> str:
    match v:
        case str(s) if s.isdigit():
            return "digits " + s
        case [c]:
            return "never " + c
    return "other"


def main() -> None:
    print(t1((1, "a")), t2({1, 2}), t2({3}), t3(P(1, 2)), t4(True), t5(1), t5(7), t6({"a": 1}), t6({}))
    print(t7("42"), t7("x"))


if __name__ == "__main__":
    main()
