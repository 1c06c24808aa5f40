# expect: int-float-mix @ 8
def pick(x: float, y: float) -> float:
    if x > y:
        return x  # returned as it is: still an int
    return y


print(pick(3, 2.5))
