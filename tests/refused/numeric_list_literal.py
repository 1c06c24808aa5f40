# expect: int-float-mix @ 6
def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


print(mean([1, 2, 4]))
