# a function's `except ... as e` is local to it, even when the module also binds `e`
def parse(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        print("bad:", e)
        return 0


errors: list[str] = []
for raw in ["1", "x"]:
    try:
        print(parse(raw) + int(raw))
    except ValueError as e:
        errors.append(str(e))
for e in errors:
    print("error", e)
