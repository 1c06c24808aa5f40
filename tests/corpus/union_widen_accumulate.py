def summarize(values: list[float]) -> None:
    total = 0
    count = 0
    for v in values:
        total += v
        count += 1
    print(total, count)


summarize([])
summarize([1.5, 2.5])
summarize([2.0])
result = 10
print(result)
result = result / 4
print(result)
result = "done"
print(result.upper(), result)
label = 0
for i in range(3):
    if i == 1:
        label = "one"
    print(i, label)
