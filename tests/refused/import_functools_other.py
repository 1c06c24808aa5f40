# expect: unsupported-import @ 2
from functools import total_ordering, reduce
