def squares(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(i * i)
    return out


def evens_then_halves(xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in xs:
        if x % 2 == 0:
            out.append(x)
    for x in xs:
        out.append(x // 2)
        if x > 100:
            break
    for x in xs:
        out.append(x)
        out.append(-x)
    return out


print(squares(5), squares(0), evens_then_halves([1, 2, 3, 4, 200, 5]))
print([c * 2 for c in "ab"], [i for i in range(3) if i], [(i, j) for i in range(2) for j in range(i)])
