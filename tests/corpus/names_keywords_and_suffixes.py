# Rust keywords, their `_` forms and main/main_ as Python names, and module variables that differ only in case
def match(x: int) -> int:
    return x + 1

def match_(x: int) -> int:
    return x * 10

def main_(s: str) -> str:
    return s + "!"

def main() -> None:
    type = 3
    type_ = 4
    print(type, type_, match(type), match_(type_), main_("hi"))

LIMIT = 10
limit = 20

def show() -> None:
    print(LIMIT, limit)

main()
show()
