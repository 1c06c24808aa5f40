# expect: int-float-mix @ 8
def kind(x: float) -> str:
    if isinstance(x, int):
        return "int"
    return "float"


print(kind(1))
