class BadInput(ValueError):
    pass


def parse(s: str) -> int:
    if not s.isdigit():
        raise BadInput(f"not a number: {s!r}")
    return int(s)


for s in ["12", "x"]:
    try:
        print(parse(s))
    except ValueError as e:
        print("error:", e)
    finally:
        print("done", s)
