# expect: undefined-name @ 2
table = [late]


def late(x: int) -> int:
    return x


print(table[0](1))
