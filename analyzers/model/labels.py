"""Annotation text -> the model's label (PEP 585/604 text), for building the training data."""
from __future__ import annotations

import ast

_RENAME = {"List": "list", "Dict": "dict", "Set": "set", "FrozenSet": "frozenset", "Tuple": "tuple",
           "Type": "type", "Text": "str", "DefaultDict": "defaultdict", "Deque": "deque",
           "AbstractSet": "Set", "NoneType": "None"}
_DROP = {"Any", "Incomplete", "Self", "Unused", "Never", "NoReturn", "object", "_typeshed"}


def _norm(node: ast.AST, depth: int = 0) -> str | None:
    if depth > 4:
        return None
    if isinstance(node, ast.Constant):
        if node.value is None:
            return "None"
        if isinstance(node.value, str):
            try:
                return _norm(ast.parse(node.value, mode="eval").body, depth + 1)
            except SyntaxError:
                return None
        return None
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return _RENAME.get(name, name)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union([node.left, node.right], depth)
    if isinstance(node, ast.Subscript):
        base = _norm(node.value, depth + 1)
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base == "Optional":
            return _union([args[0], ast.Constant(None)], depth)
        if base == "Union":
            return _union(args, depth)
        if base in ("Annotated", "Final", "ClassVar", "Required", "NotRequired"):
            return _norm(args[0], depth + 1)
        if base == "Literal":
            kinds = {type(a.value).__name__ for a in args if isinstance(a, ast.Constant)}
            return kinds.pop() if len(kinds) == 1 else None
        parts = []
        for a in args:
            if isinstance(a, ast.List):       # Callable[[int], str]
                inner = [_norm(x, depth + 1) for x in a.elts]
                if None in inner:
                    return None
                parts.append("[" + ", ".join(inner) + "]")
            elif isinstance(a, ast.Constant) and a.value is Ellipsis:
                parts.append("...")
            else:
                t = _norm(a, depth + 1)
                if t is None:
                    return None
                parts.append(t)
        return f"{base}[{', '.join(parts)}]" if base else None
    return None


def _union(nodes, depth) -> str | None:
    flat: list[str] = []
    for n in nodes:
        t = _norm(n, depth + 1)
        if t is None:
            return None
        for part in t.split(" | ") if "[" not in t else [t]:
            if part not in flat:
                flat.append(part)
    has_none = "None" in flat
    flat = [f for f in flat if f != "None"] + (["None"] if has_none else [])
    return " | ".join(flat)


def normalize(annotation: ast.AST | str) -> str | None:
    """`Optional[List[int]]` -> "list[int] | None"; None for what the model should not learn
    (Any, type variables, unparsable)."""
    try:
        node = ast.parse(annotation, mode="eval").body if isinstance(annotation, str) else annotation
        t = _norm(node)
    except Exception:
        return None
    if t is None or t in _DROP:
        return None
    head = t.split("[", 1)[0]
    if head in _DROP or head.startswith("_") or (len(head) <= 2 and head.isupper()) or head.startswith("T") and len(head) <= 3 and head[1:].isupper():
        return None
    return t
