def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


print(total([1, 2, 3]), [x * x for x in range(4) if x % 2 == 0])
