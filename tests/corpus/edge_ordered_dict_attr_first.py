# a dict's AttributeError for move_to_end comes before its argument is evaluated (the key
# function prints only for the OrderedDict)
from collections import OrderedDict


def key(s: str) -> str:
    print("key", s)
    return s


d = {"a": 1}
try:
    d.move_to_end(key("a"))
except AttributeError as e:
    print("AttributeError", e)
o = OrderedDict(d)
o["b"] = 2
o.move_to_end(key("a"))
print(o)
