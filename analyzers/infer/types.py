"""Type text helpers for the inference layers: PEP 585/604 strings, joined and taken apart.

Types are plain strings ("int", "list[str]", "dict[str, int] | None", "unknown"); these
functions never raise on odd input (an unparseable string is kept as an opaque name).
"""

from __future__ import annotations

UNK = "unknown"
_NUMERIC = ("bool", "int", "float", "complex")


def split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside brackets."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(text):
        c = text[i]
        if c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
        if depth == 0 and text.startswith(sep, i):
            out.append("".join(cur).strip())
            cur = []
            i += len(sep)
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur).strip())
    return [p for p in out if p]


def parts(t: str) -> list[str]:
    """The members of a union ("int | None" -> ["int", "None"])."""
    return split_top(t, "|") if t else []


def head_args(t: str) -> tuple[str, list[str]]:
    """"dict[str, int]" -> ("dict", ["str", "int"]); "int" -> ("int", [])."""
    t = t.strip()
    if t.endswith("]") and "[" in t:
        i = t.index("[")
        return t[:i], split_top(t[i + 1:-1], ",")
    return t, []


def is_known(t: str | None) -> bool:
    return bool(t) and t != UNK and UNK not in t


def _join_same_head(a: str, b: str) -> str | None:
    ha, aa = head_args(a)
    hb, ab = head_args(b)
    if ha != hb:
        return None
    if not aa:
        return b
    if not ab:
        return a
    if ha == "tuple" and (aa == ["()"] or ab == ["()"]):  # the empty tuple joins any tuple as tuple[X, ...]
        other = ab if aa == ["()"] else aa
        if other == ["()"]:
            return a
        return f"tuple[{other[0] if other[-1] == '...' else join_all(other)}, ...]"
    if ha == "tuple" and ("..." in aa or "..." in ab):  # tuple[X, ...] absorbs the fixed tuples of X
        ea = aa[0] if aa[-1] == "..." else join_all(aa)
        eb = ab[0] if ab[-1] == "..." else join_all(ab)
        return f"tuple[{join(ea, eb)}, ...]"
    if len(aa) != len(ab):
        return ha if ha != "tuple" else None
    return f"{ha}[{', '.join(join(x, y) for x, y in zip(aa, ab))}]"


def join(a: str | None, b: str | None) -> str:
    """The least union of two types; "unknown" is the bottom (it adds nothing)."""
    if not a or a == UNK:
        return b or UNK
    if not b or b == UNK or a == b:
        return a
    members: list[str] = []
    for p in parts(a) + parts(b):
        if p == UNK:
            continue
        for i, m in enumerate(members):
            merged = _join_same_head(m, p)
            if merged is not None:
                members[i] = merged
                break
            if m in _NUMERIC and p in _NUMERIC:
                members[i] = _NUMERIC[max(_NUMERIC.index(m), _NUMERIC.index(p))]
                break
        else:
            members.append(p)
    if not members:
        return UNK
    nonnone = [m for m in members if m != "None"]
    if len(nonnone) > 3:  # too wide to be a useful answer
        return UNK
    return " | ".join(nonnone + (["None"] if "None" in members else []))


def join_all(ts) -> str:
    out = UNK
    for t in ts:
        out = join(out, t)
    return out


def element(t: str) -> str:
    """What iterating a value of type t yields."""
    if t in ("str",):
        return "str"
    if t in ("bytes", "bytearray", "range"):
        return "int"
    h, args = head_args(t)
    if h in ("list", "set", "frozenset", "Iterator", "Iterable", "Generator", "Sequence", "deque",
             "dict", "Mapping", "defaultdict", "Counter", "OrderedDict", "KeysView", "ValuesView") and args:
        return args[0] if args[0] != "..." else UNK
    if h == "tuple" and args:
        if args == ["()"]:
            return UNK
        if len(args) == 2 and args[1] == "...":
            return args[0]
        return join_all(args)
    if h == "enumerate" and args:
        return f"tuple[int, {args[0]}]"
    if h == "zip" and args:
        return f"tuple[{', '.join(args)}]"
    if h == "ItemsView" and len(args) == 2:
        return f"tuple[{args[0]}, {args[1]}]"
    return UNK


def item(t: str, index: object = None) -> str:
    """t[index] (index: an int for tuples, else None)."""
    if t in ("str",):
        return "str"
    if t in ("bytes", "bytearray"):
        return "int"
    h, args = head_args(t)
    if h in ("dict", "Mapping", "defaultdict", "OrderedDict") and len(args) == 2:
        return args[1]
    if h == "Counter":
        return "int"
    if h == "tuple" and args:
        if isinstance(index, int) and not (len(args) == 2 and args[1] == "...") and -len(args) <= index < len(args):
            return args[index]
        return element(t)
    if h in ("list", "Sequence", "deque") and args:
        return args[0]
    return UNK


_RUST_SCALARS = {"int": "i64", "float": "f64", "str": "String", "bool": "bool", "None": "()", "bytes": "Vec<u8>"}


def to_rust(t: str) -> str | None:
    """A std Rust spelling of a Python type, None when there is none."""
    if not is_known(t):
        return None
    ps = parts(t)
    if len(ps) == 2 and "None" in ps:
        inner = to_rust(ps[0] if ps[1] == "None" else ps[1])
        return f"Option<{inner}>" if inner else None
    if len(ps) != 1:
        return None
    if t in _RUST_SCALARS:
        return _RUST_SCALARS[t]
    h, args = head_args(t)
    rs = [to_rust(a) for a in args]
    if any(r is None for r in rs):
        return None
    if h == "list" and len(rs) == 1:
        return f"Vec<{rs[0]}>"
    if h == "set" and len(rs) == 1:
        return f"HashSet<{rs[0]}>"
    if h == "dict" and len(rs) == 2:
        return f"HashMap<{rs[0]}, {rs[1]}>"
    if h == "tuple" and rs and "..." not in args:
        return "(" + ", ".join(rs) + ("," if len(rs) == 1 else "") + ")"
    return None
