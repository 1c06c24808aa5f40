# expect: unsupported-builtin @ 5
try:
    raise ValueError("bad", 3)
except ValueError as e:
    print(e.args[1])
