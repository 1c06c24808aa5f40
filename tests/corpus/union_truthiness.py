items: list[object] = [0, 0.0, "", None, [], {}, False, 1, "a", [0], {"k": None}, -0.5, True]
for it in items:
    if it:
        print("truthy", repr(it))
    else:
        print("falsy", repr(it))
print(any(items), all(items), not items[0], not items[7])
name: str | int = ""
label = name or "anonymous"
print(label)
n: int | float = 0
print(n or 2.5, n and 7)
pick = 3 if len(items) > 5 else "few"
print(pick)
