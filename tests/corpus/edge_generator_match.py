# yields inside match cases (one under try/except), beside a function with a match and no yield
def kinds(xs: list[int]):
    for x in xs:
        match x:
            case 0:
                yield "zero"
            case 1 | 2:
                try:
                    yield "small"
                except ValueError:
                    pass
            case _:
                print("big", x)


def plain(n: int) -> int:
    match n:
        case 0:
            return 1
        case _:
            return 2


print(list(kinds([0, 1, 5, 2])), plain(0))
