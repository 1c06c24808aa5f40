def describe(msg: dict[str, object]) -> str:
    match msg:
        case {"type": "point", "x": int(x), "y": int(y)}:
            return f"point {x + y}"
        case {"type": "name", "value": str(s)} if s:
            return "name " + s.upper()
        case {"type": "nums", "values": list(vs)}:
            return f"nums {len(vs)}"
        case {"type": "num", "value": int() | float() as n}:
            return f"num {n * 2}"
        case {"type": t}:
            return f"unknown {t}"
        case _:
            return "no type"


def walk(v: object, depth: int) -> None:
    match v:
        case int() | float():
            print("  " * depth + f"number {v}")
        case str():
            print("  " * depth + "text " + v)
        case list():
            for item in v:
                walk(item, depth + 1)
        case dict():
            for k in sorted(v):
                print("  " * depth + str(k) + ":")
                walk(v[k], depth + 1)
        case None:
            print("  " * depth + "null")
        case _:
            print("  " * depth + "other")


def main() -> None:
    msgs: list[dict[str, object]] = [
        {"type": "point", "x": 1, "y": 2},
        {"type": "point", "x": 1, "y": "2"},
        {"type": "name", "value": "ann"},
        {"type": "name", "value": ""},
        {"type": "nums", "values": [1, 2, 3]},
        {"type": "num", "value": 2.5},
        {"type": "num", "value": True},
        {"value": 1},
    ]
    for m in msgs:
        print(describe(m))
    doc: object = {"a": [1, 2.5, "x", None], "b": {"c": True}}
    walk(doc, 0)


if __name__ == "__main__":
    main()
