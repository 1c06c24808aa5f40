# expect: union-not-narrowed @ 4
def shout(v: int | str) -> str:
    # CPython raises AttributeError here when v is an int: narrow with isinstance() first
    return v.upper()


print(shout("a"))
