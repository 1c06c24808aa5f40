def f(a: int, b: int) -> int:
    return a * b + a // b - a % b


print(f(7, -2))
