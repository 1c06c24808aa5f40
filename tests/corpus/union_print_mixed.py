row = [1, "it's", 'say "hi"', None, 2.0, 1e16, 1e-5, -0.0, True, [], {}, "tab\there", "é"]
print(row)
print(row[0], row[1], row[3])
print(str(row), repr(row[1]), str(row[1]))
nested = {"a": [1, [2, [3, "x"]]], "b": {"c": None, "d": [1.5, "y"]}, "e": ""}
print(nested)
print(nested["a"], nested["b"])
print(f"{nested}")
print(f"{row[0]} {row[1]!r} {row[4]:.3f} {row[5]:e}")
inf_nan = [float("inf"), float("-inf"), 5]
print(inf_nan)
print([1, "a"] == [1, "a"], [1, 2.0] == [1.0, 2], row[0] == 1.0, row[1] == "it's")
