def main() -> None:
    prices = [1.5, 2.25, 3.0]
    total = 0
    print(total)
    for p in prices:
        total += p
    print(total)
    count = 7
    print(count)
    count = count / 2
    print(count)
    x = 1
    print(x)
    x = "one"
    print(x)
    empty = 0
    nothing: list[float] = []
    for q in nothing:
        empty += 1.5
    print(empty)

main()
def g() -> None:
    value = 10
    print(value + 1)
    value = "ten"
    print(value.upper())
    i = 0
    while i < 3:
        print(value * 2)
        i += 1
    value = 2.5
    print(value * 2, value)

g()
