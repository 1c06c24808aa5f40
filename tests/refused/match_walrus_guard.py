# expect: unsupported-syntax @ 4
def f(v: int) -> int:
    match v:
        case n if (m := n * 2) > 3:
            return m
    return 0


print(f(3))
