# expect: unsupported-builtin @ 5
from collections import OrderedDict

od = OrderedDict([("a", 1)])
print(isinstance(od, OrderedDict))
