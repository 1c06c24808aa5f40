# expect: unsupported-syntax @ 5
def f(t: tuple[int, int]) -> int:
    x = 0
    match t:
        case (x, 0):
            return x
        case _:
            pass
    return x


print(f((3, 1)))
