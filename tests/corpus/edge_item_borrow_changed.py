# corpus: functions: `a, b = xs[i]` of a list parameter in functions that then change the list, or call one that does (the locals keep the old strs: no borrow), next to one that only reads it


def pick(rows: list[tuple[str, str]], i: int) -> str:
    name, note = rows[i]
    return name + "=" + note

def renamed(rows: list[tuple[str, str]], i: int) -> str:
    name, note = rows[i]
    rows[i] = ("changed", note)  # this function changes the list: the local keeps the old str
    rows.append((name + "!", ""))
    return name + "/" + rows[i][0] + "/" + rows[-1][0]


def grow(rows: list[tuple[str, str]]) -> None:
    rows.append(("grown " * 5, "x"))
    rows[0] = ("replaced", "y")


def calls_grow(rows: list[tuple[str, str]], i: int) -> str:
    name, note = rows[i]
    grow(rows)  # a callee changes the list: `name` must stay what it was
    return name + ":" + note + ":" + rows[0][0]



def main() -> None:
    rows = [("", ""), ("x", "y"), ("seven77", "eight888"), ("fourteen chars", "fifteen chars.."),
            ("sixteen chars..." * 2, "caf\u00e9 \u2603"), ("\U0001f600", "\u00e9")]
    print([pick(rows, i) for i in range(len(rows))])
    print(renamed(rows, 4), rows[4], rows[-1])
    print(calls_grow(rows, 3), rows[0], len(rows))
    print(calls_grow(rows, 0), rows[0])
    print(renamed(rows, -1), len(rows), pick(rows, -1))
    try:
        print(calls_grow(rows, 40))
    except IndexError as e:
        print("IndexError", e, len(rows))
    print([pick(rows, i) for i in range(len(rows))])


main()
