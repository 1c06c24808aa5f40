# expect: set-iteration-order @ 3
names = {"b", "a", "c"}
print(names.pop())
