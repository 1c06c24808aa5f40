# expect: unsupported-builtin @ 11
def inc(x: int) -> int:
    return x + 1


def dec(x: int) -> int:
    return x - 1


pick = inc if len("ab") > 1 else dec
print(pick == inc)
