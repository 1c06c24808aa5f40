# collections.OrderedDict: an LRU cache class (move_to_end, popitem(last=False)), its repr and
# views, order-sensitive == between two, a dict's AttributeError/TypeError for the OrderedDict-only
# methods, and its iterator's RuntimeError when a key moves
from collections import OrderedDict
import collections


class LRU:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: OrderedDict[str, int] = OrderedDict()

    def get(self, key: str) -> int:
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key: str, value: int) -> None:
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, v = self.data.popitem(last=False)
            print("evict", old, v)


def main() -> None:
    c = LRU(2)
    c.put("a", 1)
    c.put("b", 2)
    print(c.get("a"), c.data)
    c.put("c", 3)
    print(c.get("b"), c.get("c"), c.data, list(c.data.keys()))
    o = collections.OrderedDict([("x", 1), ("y", 2)])
    p = OrderedDict({"y": 2, "x": 1})
    d = {"x": 1, "y": 2}
    print(o == p, o == d, p == d, dict(o) == dict(p), o.copy(), type(o).__name__)
    print(o.keys(), o.values(), o.items(), d.keys())
    o.move_to_end("x", last=False)
    o.move_to_end("y", False)
    print(o, o.popitem(), o.popitem(True), o)
    try:
        o.popitem()
    except KeyError as e:
        print("KeyError", e)
    try:
        p.move_to_end("zz")
    except KeyError as e:
        print("KeyError", e)
    try:
        d.move_to_end("x")
    except AttributeError as e:
        print("AttributeError", e)
    try:
        d.popitem(last=False)
    except TypeError as e:
        print("TypeError", e)
    q = OrderedDict()
    q["k"] = [1]
    try:
        for k in p:
            print("key", k)
            p.move_to_end(k)
    except RuntimeError as e:
        print("RuntimeError", e)
    for k, v in p.items():
        p[k] = v * 10
    print(p, q, OrderedDict(), [OrderedDict([(1, "a")])])


main()
