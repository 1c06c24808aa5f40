# expect: unsupported-syntax @ 4
def f(v: list[int] | str) -> int:
    match v:
        case [a]:
            return a
    return 0


print(f([1]))
