things: list[object] = [1, 1.0, "1", True, None, [1], {"a": 1}]
for t in things:
    print(type(t).__name__, end=" ")
print()
count = 3
ratio = 0.5
words = ["a"]
print(type(count).__name__, type(ratio).__name__, type(words).__name__, type("s").__name__)
mixed = {"a": 1, "b": "two"}
for k in mixed:
    v = mixed[k]
    print(k, type(v).__name__, v)
