acc: int | float = 1
for i in range(1, 80):
    acc = acc * 3
print(acc)
print(acc + 0.5)
mixed = [2 ** 70, 1.5, 3]
total: int | float = 0
for m in mixed:
    total = total + m
print(total)
z: int | str = 10 ** 20
print(z, str(z), len(str(z)))
