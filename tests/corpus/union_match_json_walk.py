def walk(v: object) -> str:
    match v:
        case []:
            return "[]"
        case [first, *rest]:
            return "[" + walk(first) + "".join(", " + walk(x) for x in rest) + "]"
        case {"kind": "point", "x": x, "y": y}:
            return f"P({walk(x)},{walk(y)})"
        case {**items}:
            return "{" + ", ".join(f"{k}={walk(val)}" for k, val in items.items()) + "}"
        case str(s):
            return repr(s)
        case bool(b):
            return "yes" if b else "no"
        case int(n) | float(n):
            return str(n)
        case None:
            return "null"
        case _:
            return "?"


def main() -> None:
    doc: object = {"a": [1, 2.5, "x", None, True], "p": {"kind": "point", "x": 1, "y": [2]}, "e": {}, "l": []}
    print(walk(doc))
    print(walk("just text"), walk(3), walk([[], [[]]]))


if __name__ == "__main__":
    main()
