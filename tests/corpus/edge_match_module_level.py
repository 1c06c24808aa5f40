def show() -> None:
    print("total", total)


total = 0
for row in [(1, "a"), (2, "b"), (0, "c")]:
    match row:
        case (0, name):
            print("zero", name)
        case (n, name) if n > 1:
            total += n
            print("big", name)
        case (n, _):
            total -= n
show()
match [3, 4]:
    case [a, b]:
        print(a * b)
    case _:
        print("no")
