# expect: int-float-mix @ 6
def label(x: float) -> str:
    return f"x={x}"  # no float presentation type: `x=5`


print(label(5))
