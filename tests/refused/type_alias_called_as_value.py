# expect: undefined-name @ 6
Vector = list[float]


def make() -> Vector:
    v = Vector()
    v.append(1.0)
    return v


print(make())
