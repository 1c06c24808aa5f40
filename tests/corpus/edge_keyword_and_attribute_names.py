# Keyword argument names and attribute names are not reads of variables of the same name: a
# module variable `key` set only by a loop, `count`/`items` as method names (were refused)
def f(xs: list[str]) -> list[str]:
    return sorted(xs, key=len, reverse=True)


def g(d: dict[str, int], xs: list[int]) -> int:
    return len(d.items()) + xs.count(3)


print(f(["bb", "a", "ccc"]), g({"a": 1}, [3, 3, 1]))
for key in range(2):
    print(key)
count = 0
for items in ["x", "yy"]:
    count += len(items)
print(count)
