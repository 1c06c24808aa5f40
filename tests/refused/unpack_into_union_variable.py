# expect: unsupported-syntax @ 4
k = "a"
print(k)
k, v = 3, 2
print(k, v)
