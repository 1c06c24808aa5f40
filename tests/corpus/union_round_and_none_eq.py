values: list[int | float | bool] = [2.5, 3.5, -2.5, 7, True, 1234.5678, -0.4, 15]
for v in values:
    print(v, round(v), round(v, 1), round(v, -1), round(v, 2))
stats: dict[str, int | float] = {"n": 3, "mean": 2.345678, "max": 10}
print({k: round(stats[k], 2) for k in stats})
d: dict[str, object] = {"a": None, "b": 1}
print(d.get("a") == None, d.get("a") != None, None == d.get("b"), d.get("zz") == None, d.get("b") == 1)
