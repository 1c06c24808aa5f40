# A method's receiver is read before its arguments: xs.append(f()) with f() rebinding the module
# variable xs (or a field, or an item) appends to the list xs was, as CPython does
xs: list[int] = [1]
d: dict[str, int] = {"a": 1}
seen: set[int] = {1}


class Holder:
    def __init__(self) -> None:
        self.items: list[int] = [1]


h = Holder()
grid: list[list[int]] = [[1]]


def rebind() -> int:
    global xs, d, seen
    xs = [100]
    d = {"z": 0}
    seen = {100}
    h.items = [100]
    grid[0] = [100]
    return 5


def main() -> None:
    old = xs
    xs.append(rebind())
    print(old, xs)
    old = xs
    xs.insert(0, rebind())
    print(old, xs)
    old_d = d
    d.update({"u": rebind()})
    print(old_d, d)
    old_d = d
    print(d.get("a", rebind()), old_d, d)
    old_s = seen
    seen.add(rebind())
    print(sorted(old_s), sorted(seen))
    old_items = h.items
    h.items.append(rebind())
    print(old_items, h.items)
    row = grid[0]
    grid[0].append(rebind())
    print(row, grid)


if __name__ == "__main__":
    main()
