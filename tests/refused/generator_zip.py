# expect: unsupported-syntax @ 8
def squares(n: int):
    for i in range(n):
        yield i * i


names = ["a", "b", "c"]
for name, sq in zip(names, squares(3)):
    print(name, sq)
