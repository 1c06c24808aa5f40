# expect: int-float-mix @ 6
def halves(x: float) -> float:
    return x // 2  # 7 // 2 is the int 3 in CPython


print(halves(7.0), halves(7))
