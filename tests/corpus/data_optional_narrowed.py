"""Optionals narrowed by the flow, as a type checker narrows them: the plain value after
`if x is None: return`, inside `if x is not None:`, on the right of `x is None or ...`, and
after `if x is None: x = <value>`; a list or object reached that way is the same object."""
from typing import Optional


class Account:
    def __init__(self, owner: str, balance: int) -> None:
        self.owner = owner
        self.balance = balance


def find(accounts: list[Account], owner: str) -> Optional[Account]:
    for a in accounts:
        if a.owner == owner:
            return a
    return None


def deposit(accounts: list[Account], owner: str, amount: int) -> int:
    acc = find(accounts, owner)
    if acc is None:
        return -1
    acc.balance += amount
    same = acc
    same.balance += 1
    return acc.balance


def largest(xs: list[int]) -> Optional[int]:
    best: Optional[int] = None
    for x in xs:
        if best is None or x > best:
            best = x
        print("  so far", best * 1)
    return best


def group(words: list[str], index: Optional[dict[str, list[str]]] = None) -> dict[str, list[str]]:
    if index is None:
        index = {}
    for w in words:
        key = w[:1].lower()
        if key not in index:
            index[key] = []
        index[key].append(w)
    return index


def label(name: Optional[str], width: Optional[int]) -> str:
    if name is not None and name.startswith("_"):
        return "private " + name[1:]
    if name is None or width is None:
        return "?"
    return name.ljust(width, ".") + "|"


def keep(xs: list[Optional[int]]) -> list[int]:
    out: list[int] = []
    for v in xs:
        if v is None:
            continue
        out.append(v * 2)
    return out


def extend(target: Optional[list[int]], n: int) -> None:
    if target is not None:
        for i in range(n):
            target.append(i)


_names: Optional[dict[str, int]] = None


def names() -> dict[str, int]:
    """A module-level cache made on first use: tested through a local (a module variable
    itself is not narrowed: a call could change it)."""
    global _names
    cached = _names
    if cached is None:
        print("  building")
        cached = {"ann": 1, "bo": 2}
        _names = cached
    return cached


print(_names, names(), names()["bo"], _names)
accounts = [Account("ann", 10), Account("bo", 0)]
print(deposit(accounts, "bo", 5), deposit(accounts, "cy", 5), [a.balance for a in accounts])
print(largest([3, 9, 2, 9]), largest([]))
shared: dict[str, list[str]] = {"z": ["zed"]}
print(group(["Apple", "avocado", "Berry"]), group(["zoo"], shared), shared)
print(label("_x", 3), label("ab", 5), label(None, 2), label("c", None))
print(keep([1, None, -3, None]))
nums = [7]
extend(nums, 3)
extend(None, 2)
print(nums)
