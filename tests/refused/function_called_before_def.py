# expect: undefined-name @ 2
print(later(2))


def later(x: int) -> int:
    return helper(x) * 2


def helper(x: int) -> int:
    return x
