# expect: unsupported-class @ 6
from functools import cache


class Grid:
    @cache
    def cell(self, r: int) -> int:
        return r * 2


print(Grid().cell(3))
