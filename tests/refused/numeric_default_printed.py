# expect: int-float-mix @ 6
def scale(x: float, k: float = 2) -> str:
    return f"{x * k}"  # x * k with both ints is an int


print(scale(3))
