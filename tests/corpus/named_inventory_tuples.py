"""Named tuples as immutable values: hashing, sets, equality, ordering, iteration, unpacking
in loops, nested in lists and dicts (printed by repr)."""
from typing import NamedTuple


class Item(NamedTuple):
    sku: str
    qty: int
    tags: list[str]


class Version(NamedTuple):
    major: int
    minor: int
    patch: int = 0


def bump(v: Version, part: str) -> Version:
    if part == "major":
        return Version(v.major + 1, 0)
    if part == "minor":
        return v._replace(minor=v.minor + 1, patch=0)
    return v._replace(patch=v.patch + 1)


def main() -> None:
    v = Version(1, 4)
    history = [v]
    for part in ["patch", "patch", "minor", "major", "patch"]:
        v = bump(v, part)
        history.append(v)
    print(history)
    print(".".join(str(n) for n in v), sum(v), max(history), sorted(set(history))[:3])
    print(Version(2, 0) > Version(1, 9, 9), Version(1, 2) == Version(1, 2, 0))
    seen = {Version(1, 0), Version(1, 0, 0), Version(0, 9)}
    print(len(seen), Version(0, 9) in seen)
    stock = [Item("a-1", 3, ["red"]), Item("b-2", 0, []), Item("c-3", 12, ["big", "blue"])]
    stock[0].tags.append("sale")
    for sku, qty, tags in stock:
        print(f"{sku}: {qty:>3} {tags}")
    print(stock[0], stock[0].tags == stock[0][2])
    by_sku = {it.sku: it for it in stock}
    print(by_sku["c-3"].qty, list(by_sku))
    major, minor, patch = history[3]
    print(major, minor, patch, isinstance(v, tuple))


main()
