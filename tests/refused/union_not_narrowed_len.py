# expect: union-not-narrowed @ 3
def size(v: object) -> int:
    return len(v)


print(size([1, 2]))
