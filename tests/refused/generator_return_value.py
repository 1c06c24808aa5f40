# expect: generator @ 7
def take(xs: list[int], n: int):
    for i, x in enumerate(xs):
        if i == n:
            # the value of the StopIteration that ends the generator
            # (`yield from` returns it)
            return i
        yield x


print(list(take([1, 2, 3], 2)))
