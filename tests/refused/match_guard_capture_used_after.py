# expect: unsupported-syntax @ 5
def f(v: int) -> int:
    x = 0
    match v:
        case x if x > 10:
            pass
        case _:
            pass
    return x


print(f(3))
