# expect: union-not-narrowed @ 4
def walk(v: int | list[int]) -> None:
    # CPython raises TypeError ('int' object is not iterable) when v is an int
    for x in v:
        print(x)


walk([1, 2])
