# Exception classes whose names differ only in case
class BadInput(ValueError):
    pass

class Badinput(ValueError):
    pass

def check(n: int) -> None:
    if n == 1:
        raise BadInput("one")
    if n == 2:
        raise Badinput("two")

for i in range(3):
    try:
        check(i)
        print("ok", i)
    except BadInput as e:
        print("BadInput", e)
    except Badinput as e:
        print("Badinput", e)
