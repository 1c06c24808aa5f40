# expect: unsupported-syntax @ 4
def f(v: int | str) -> str:
    match v:
        case int(x) | str(x):
            return str(x)
    return ""


print(f(3))
