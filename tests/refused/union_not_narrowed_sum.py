# expect: union-not-narrowed @ 3
cells = [1, "2", 3.5]
print(sum(cells))
