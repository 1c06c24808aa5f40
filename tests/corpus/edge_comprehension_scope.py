# comprehension and lambda variables are their own scope, even when the module has a variable of that name
def big(xs: list[int]) -> list[int]:
    return [w for w in xs if w > 1]


def keyed(xs: list[str]) -> list[str]:
    return sorted(xs, key=lambda w: (len(w), w))


for w in [3, 1, 2]:
    print(w)
print(big([1, 2, 3]), keyed(["bb", "a", "ab"]))
