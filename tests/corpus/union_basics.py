from typing import Union

def describe(x: int | str) -> str:
    if isinstance(x, int):
        return "int " + str(x + 1)
    return "str " + x.upper()

def total(xs: list[int | float]) -> int | float:
    t: int | float = 0
    for x in xs:
        t = t + x
    return t

data = {"n": 3, "mean": 2.5, "name": "abc", "tags": ["a", "b"], "none": None}
print(data)
print(describe(3), describe("hi"))
print(total([1, 2, 3]), total([1, 2.5]))
mixed = [1, "a", None, 2.5, True]
print(mixed)
print(1 == 1.0, mixed[0] == 1.0)
v: Union[int, float] = 7
print(v / 2, v // 2, -v, v * 1.5)
for item in mixed:
    if isinstance(item, str):
        print("s", item)
    elif item is None:
        print("none")
    else:
        print("other", item)
print(f"{data['mean']:.3f} {data['n']:>5}")
