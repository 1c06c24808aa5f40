# what a loop over an OrderedDict notices: any key added, removed or moved while a next key is
# pending (RuntimeError: mutated), a clear() (changed size); nothing once the last key is out,
# and nothing for a value stored; a plain dict raises for a size change even at its last key
from collections import OrderedDict


def probe(op: str, at: str) -> str:
    o = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
    seen: list[str] = []
    try:
        for k in o:
            seen.append(k)
            if k == at:
                if op == "del_current":
                    del o[k]
                elif op == "del_last":
                    del o["c"]
                elif op == "move_current":
                    o.move_to_end(k)
                elif op == "move_first":
                    o.move_to_end("a")
                elif op == "add":
                    o["z"] = 0
                elif op == "pop":
                    o.pop("b")
                elif op == "clear":
                    o.clear()
                elif op == "set_value":
                    o["b"] = 9
                elif op == "popitem_first":
                    o.popitem(last=False)
        return f"{op}@{at}: ok {seen} {list(o.items())}"
    except RuntimeError as e:
        return f"{op}@{at}: {e} {seen} {list(o)}"


def main() -> None:
    for at in ("a", "c"):
        for op in ["del_current", "del_last", "move_current", "move_first", "add", "pop", "clear", "set_value",
                   "popitem_first"]:
            print(probe(op, at))
    empty: OrderedDict[str, int] = OrderedDict()
    for k in empty:
        empty[k] = 1
    print(empty)
    d = {"a": 1}
    try:
        for k in d:
            d["b"] = 2
    except RuntimeError as e:
        print("dict:", e)


main()
