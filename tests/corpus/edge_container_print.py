# corpus: edge: printing containers: lists, dicts, tuples (incl. 1-tuple), nesting, floats, None, bools, str()
from typing import Optional


def main() -> None:
    print([1, 2])
    print({"a": 1})
    print((1,))
    print((1, 2))
    print([], {})
    print([[1, 2], [3], []])
    print([(1, "a"), (2, "b")])
    print({1: [2, 3], 4: []})
    print({"x": {"y": {"z": 1}}})
    print([1.0, 2.5, -0.0, 1e16])
    print([None])
    opts: list[Optional[int]] = [None, 3, None]
    print(opts)
    print([True, False], (True,), {True: "yes", False: "no"})
    print({(1, 2): "pair", (0, 0): "origin"})
    print((1, "a", 2.5, None, True))
    print(str([1, 2]) + "!", len(str({"k": "v"})))
    print([[[]]], [[1.5]])
    nested: dict[str, list[tuple[int, str]]] = {"a": [(1, "x")], "b": []}
    print(nested)
    print(f"{[1, 2]} {(3,)} {{'braces'}} {{}}")
    print("list:", [1, 2], "tuple:", (3, 4), sep=" | ", end=" <end>\n")
    print()
    print("after blank")


if __name__ == "__main__":
    main()
