# expect: unsupported-syntax @ 4
def f(t: tuple[int, int, int]) -> int:
    match t:
        case (a, *rest):
            return len(rest)
    return 0


print(f((1, 2, 3)))
