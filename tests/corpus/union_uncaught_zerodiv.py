def ratio(a: int | float, b: int | float) -> int | float:
    return a / b


print(ratio(1, 2))
print(ratio(3.0, 4))
print(ratio(5, 0))
print("not reached")
