# expect: union-not-narrowed @ 4
row = [3, "three", 4.5]
first = row[0]
if first < row[1]:
    print("less")
