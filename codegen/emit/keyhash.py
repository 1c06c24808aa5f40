"""One hash for a `str` key looked up in several containers.

    sku = "SKU-" + str(x % 250000).zfill(6)
    if sku in discontinued:        # set[str]
        continue
    price = prices.get(sku, -1)    # dict[str, int]

hashes `sku` twice in a plain translation. After an assignment `k = ...` to a `str` local
(statement i of a block), when the statements that follow it in the same block, up to the
first one that stores to `k` anywhere inside it, look `k` up at least twice as the key of a
local `dict[str, V]` or `set[str]` (`k in c`, `k not in c`, `d[k]`, `d.get(k)`,
`d.get(k, v)`), the emitter computes `let _hkN = rt::hash_of(&k);` once after statement i and
those lookups take it (`contains_h`, `get_or_h`, ...). It then also starts the probes of the
other containers (`prefetch_h`: a load of the slot the lookup reads first), so that in a large
table their cache misses overlap with the first lookup's instead of following it.

Why this is the same program: a `str` is immutable and only a store to the local changes what
`k` holds; such a store ends the range (assignments, augmented assignments, `for` targets,
tuple targets, walruses, `except ... as k`; `nonlocal` is refused, so no other function
stores to it). A lookup inside a lambda or comprehension (its own scope, and a lambda runs
later) keeps hashing. The hash is computed where statement i ended, and only when the
statement after it looks `k` up where it always runs (its condition or value, not under
`and`/`or`/`if-else`), so a hash is never computed for lookups that mostly do not happen.
A prefetch reads one slot and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from portalis import ir


@dataclass
class KeyHashPlan:
    name: str  # the str local
    uses: list  # the lookup nodes (ir.Compare / ir.Intrinsic) that take the hash
    prefetch: list  # container locals (ir.Local) whose probe starts at once, in order


_DICT_LOOKUPS = ("dict.get", "dict.get_or", "dict.getitem")


def _str_container(t: object) -> str | None:
    if isinstance(t, ir.DictT) and t.key == ir.STR:
        return "dict"
    if isinstance(t, ir.SetT) and t.elem == ir.STR:
        return "set"
    return None


def key_use(n: object, k: str) -> ir.Local | None:
    """The container local that `n` looks the str local `k` up in, if `n` is such a lookup."""
    if isinstance(n, ir.Compare) and len(n.ops) == 1 and n.ops[0] in ("in", "not in"):
        a, c = n.operands
        if (isinstance(a, ir.Local) and a.name == k and a.ty == ir.STR and isinstance(c, ir.Local)
                and _str_container(c.ty)):
            return c
    if isinstance(n, ir.Intrinsic) and n.name in _DICT_LOOKUPS and len(n.args) >= 2 and not n.kwargs:
        d, a = n.args[0], n.args[1]
        if (isinstance(a, ir.Local) and a.name == k and a.ty == ir.STR and isinstance(d, ir.Local)
                and _str_container(d.ty) == "dict"):
            return d
    return None


def _nodes(node: object, conditional: bool):
    """(node, under_a_condition) for every IR node under `node`, in source order, not entering
    lambdas and comprehensions (their own scopes). `conditional`: `node` may not run."""
    stack = [(node, conditional)]
    while stack:
        n, cond = stack.pop()
        if isinstance(n, (tuple, list)):
            stack.extend(reversed([(x, cond) for x in n]))
            continue
        fs = ir._child_fields(type(n))
        if fs is None:
            continue
        yield n, cond
        if isinstance(n, (ir.Lambda, ir.Comprehension)):
            continue
        kids = []
        for f in reversed(fs):  # source order
            v = getattr(n, f)
            c = cond
            if isinstance(n, ir.BoolOp) and f != "left":
                c = True
            elif isinstance(n, ir.IfExp) and f != "cond":
                c = True
            elif isinstance(n, (ir.If, ir.While, ir.For, ir.Try, ir.Handler)) and f not in ("cond", "iter"):
                c = True
            elif isinstance(n, ir.Compare) and f == "operands" and len(n.ops) > 1:
                c = True  # chained: short-circuits
            kids.append((v, c))
        stack.extend(reversed(kids))


def stores_to(s: object, k: str) -> bool:
    """Whether statement `s` may store to the local `k` anywhere inside it."""
    for n in ir.walk(s):
        if isinstance(n, ir.NameTarget) and n.name == k:
            return True
        if isinstance(n, ir.Handler) and n.name == k:
            return True
    return False


def plan(stmts: tuple, i: int, char_locals: frozenset | set) -> KeyHashPlan | None:
    """The plan for statement `stmts[i]` (see the module docstring), or None."""
    s = stmts[i]
    if not (isinstance(s, ir.Assign) and isinstance(s.target, ir.NameTarget) and not s.target.is_global
            and s.target.ty == ir.STR and i + 1 < len(stmts)):
        return None
    k = s.target.name
    if k in char_locals or ir.is_made_up(k):
        return None
    uses: list = []
    first_sure = False
    for j in range(i + 1, len(stmts)):
        t = stmts[j]
        if stores_to(t, k):
            break
        for n, cond in _nodes(t, False):
            c = key_use(n, k)
            if c is not None:
                if not uses:
                    first_sure = j == i + 1 and not cond
                uses.append((n, c))
        if not first_sure:  # no lookup in the next statement where it always runs: no plan (the rest unread)
            return None
    if len(uses) < 2 or not first_sure:
        return None
    seen = {uses[0][1].name}
    prefetch = []
    for _, c in uses[1:]:
        if c.name not in seen:
            seen.add(c.name)
            prefetch.append(c)
    return KeyHashPlan(k, [n for n, _ in uses], prefetch)
