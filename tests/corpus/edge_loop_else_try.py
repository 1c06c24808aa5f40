# for ... else with a break inside try/except
def f(xs: list[str]) -> int:
    total = 0
    for x in xs:
        try:
            v = int(x)
        except ValueError:
            print("bad", x)
            break
        total += v
    else:
        print("all good")
    return total


print(f(["1", "2"]), f(["1", "z", "3"]))
for i in range(3):
    pass
else:
    print("range done")
