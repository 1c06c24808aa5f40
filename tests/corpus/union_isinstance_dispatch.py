def kind(v: object) -> str:
    if isinstance(v, bool):
        return "bool"
    elif isinstance(v, int):
        return "int"
    elif isinstance(v, float):
        return "float"
    elif isinstance(v, str):
        return "str"
    elif isinstance(v, list):
        return "list"
    elif isinstance(v, dict):
        return "dict"
    return "none"


def describe(v: int | str | float | bool | None) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, (int, float)):
        # True is an int too
        return f"number {v} doubled {v * 2}"
    return "text " + v.upper()


def count_ints(xs: list[object]) -> int:
    n = 0
    for x in xs:
        if isinstance(x, int) and not isinstance(x, bool):
            n += 1
    return n


values: list[object] = [1, 2.5, "x", True, None, [1, 2], {"k": 1}, False, 0]
for v in values:
    print(repr(v), kind(v), type(v).__name__, isinstance(v, int), isinstance(v, (str, list)))
print(count_ints(values))
for w in [3, "abc", 1.5, True, None]:
    print(describe(w))
