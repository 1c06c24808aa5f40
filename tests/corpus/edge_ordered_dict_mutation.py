# OrderedDict edge cases: duplicate keys in the pairs, del/pop/setdefault/update/clear, a new
# key during a loop (RuntimeError: OrderedDict mutated during iteration), an existing key's
# value set during a loop (no error), popitem from both ends until KeyError
from collections import OrderedDict


def main() -> None:
    od = OrderedDict([("b", 1), ("a", 2), ("b", 3)])
    print(od, len(od))
    od.setdefault("c", 4)
    od.update({"a": 20, "d": 5})
    del od["b"]
    print(od.pop("c"), od.pop("zz", -1), od, sorted(od), list(od.values()))
    for k in od:
        od[k] += 1
    print(od)
    seen: list[str] = []
    try:
        for k in od:
            seen.append(k)
            if k == "d":
                od["e"] = 0
    except RuntimeError as e:
        print("RuntimeError", e, seen)
    while True:
        try:
            print(od.popitem(last=len(od) % 2 == 0), end=" ")
        except KeyError as e:
            print("KeyError", e)
            break
    od.clear()
    od["z"] = 1
    for k, v in od.items():
        del od[k]
    print("unreached", od)


main()
