# expect: undefined-name @ 6
def f() -> None:
    raise F("x")


try:
    f()
except NameError as e:
    print("NE", e)


class F(Exception):
    pass
