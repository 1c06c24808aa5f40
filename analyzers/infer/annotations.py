"""Layer 1: annotations (PEP 484/585/604) normalised to PEP 585/604 text."""

from __future__ import annotations

import ast

from .types import UNK, parts

_ALIASES = {
    "List": "list", "Dict": "dict", "Set": "set", "FrozenSet": "frozenset", "Tuple": "tuple",
    "Type": "type", "DefaultDict": "defaultdict", "Deque": "deque", "Text": "str",
}
_STRIP_MODULES = ("typing", "typing_extensions", "t", "collections.abc", "collections")


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def normalise(node: ast.AST | None) -> str:
    """An annotation expression as PEP 585/604 text; "unknown" for what is not a type."""
    if node is None:
        return UNK
    try:
        return _norm(node)
    except Exception:  # noqa: BLE001 - broken code is data
        return UNK


def _name(n: str) -> str:
    for m in _STRIP_MODULES:
        if n.startswith(m + "."):
            n = n[len(m) + 1:]
            break
    return _ALIASES.get(n, n)


def _norm(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        if node.value is None:
            return "None"
        if isinstance(node.value, str):  # a forward reference
            try:
                return _norm(ast.parse(node.value.strip(), mode="eval").body)
            except SyntaxError:
                return UNK
        if node.value is Ellipsis:
            return "..."
        return UNK
    if isinstance(node, (ast.Name, ast.Attribute)):
        d = _dotted(node)
        if d is None:
            return UNK
        n = _name(d)
        return "Any" if n == "Any" else n
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union([_norm(node.left), _norm(node.right)])
    if isinstance(node, ast.List):  # Callable's parameter list
        return "[" + ", ".join(_norm(e) for e in node.elts) + "]"
    if isinstance(node, ast.Subscript):
        head = _name(_dotted(node.value) or "")
        sl = node.slice
        args = list(sl.elts) if isinstance(sl, ast.Tuple) else [sl]
        if head == "Optional" and len(args) == 1:
            return _union([_norm(args[0]), "None"])
        if head == "Union":
            return _union([_norm(a) for a in args])
        if head in ("Final", "ClassVar", "Annotated", "Required", "NotRequired", "ReadOnly"):
            return _norm(args[0])
        if head == "Literal":
            kinds = []
            for a in args:
                v = a.value if isinstance(a, ast.Constant) else None
                kinds.append("None" if v is None else type(v).__name__)
            return _union(kinds)
        inner = [_norm(a) for a in args]
        return f"{head}[{', '.join(inner)}]"
    return UNK


def _union(ms: list[str]) -> str:
    out: list[str] = []
    for m in ms:
        for p in parts(m):
            if p not in out:
                out.append(p)
    nonnone = [p for p in out if p != "None"]
    return " | ".join(nonnone + (["None"] if "None" in out else []))


def is_final_bare(node: ast.AST | None) -> bool:
    """`X: Final = 3` (the type comes from the value)."""
    return node is not None and _name(_dotted(node) or "") == "Final"
