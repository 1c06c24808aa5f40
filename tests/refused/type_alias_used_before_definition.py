# expect: unsupported-type @ 2
def norm(v: Vector) -> float:
    return sum(x * x for x in v) ** 0.5


Vector = list[float]
print(norm([3.0, 4.0]))
