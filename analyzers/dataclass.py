"""`@dataclass`: the methods CPython's `dataclasses` module generates, written out as Python.

`expand_dataclass` reads a decorated class's field declarations (`name: T`, `name: T = literal`,
`name: T = field(default=..., default_factory=...)`) and options (`eq`, `order`, `frozen`) and
returns the `__init__`, `__repr__`, `__eq__` and ordering methods CPython 3.11 would generate,
as libcst functions whose every node has the position of the declaration it comes from. The
class is then collected like any other (`analyzers.classes`). Refuses (unsupported-class) what
it does not model. Must not emit Rust.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import libcst as cst

_ORDER = (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">="))
_FACTORIES = {"list", "dict", "set"}


@dataclass
class DataclassOptions:
    eq: bool = True
    order: bool = False
    frozen: bool = False


def dataclass_options(ml: Any, deco: cst.Decorator) -> DataclassOptions | None:
    """The options of `@dataclass` / `@dataclass(...)`; None (and a diagnostic) if unsupported."""
    opts = DataclassOptions()
    x = deco.decorator
    if not isinstance(x, cst.Call):
        return opts
    for a in x.args:
        if a.keyword is None or a.keyword.value not in ("eq", "order", "frozen", "repr", "init") or not (
                isinstance(a.value, cst.Name) and a.value.value in ("True", "False")):
            ml.diag("unsupported-class", "@dataclass supports the options eq, order, frozen (True/False) only",
                    a)
            return None
        v = a.value.value == "True"
        k = a.keyword.value
        if k in ("repr", "init") and not v:
            ml.diag("unsupported-class", f"@dataclass({k}=False) is not supported", a)
            return None
        if k in ("eq", "order", "frozen"):
            setattr(opts, k, v)
    if opts.order and not opts.eq:
        ml.diag("unsupported-class", "@dataclass: order=True needs eq=True (CPython raises ValueError)", deco)
        return None
    return opts


def expand_dataclass(ml: Any, c: cst.ClassDef, opts: DataclassOptions) -> tuple[list[cst.CSTNode], list[cst.FunctionDef]] | None:
    """(the class body without its field declarations, the generated methods)."""
    from portalis.analyzers.lower import _literal_default

    name = c.name.value
    body = list(c.body.body) if isinstance(c.body, cst.IndentedBlock) else []
    own = {s.name.value for s in body if isinstance(s, cst.FunctionDef)}
    fields: list[tuple[str, cst.BaseExpression, str | None, str | None, cst.CSTNode]] = []  # name, ann, default, factory, node
    # a dataclass base's fields come first, in its order (a field declared again keeps its place)
    ci = ml.info.classes[name]
    base = ml.info.classes.get(ci.base) if ci.base is not None else None
    inherited = list(base.dc_fields) if base is not None and base.dc_fields is not None else []
    if inherited and opts.order:
        ml.diag("unsupported-class", "@dataclass(order=True) in a class hierarchy of dataclasses is not supported "
                "(CPython compares only instances of the same class)", c.name)
        return None
    rest: list[cst.CSTNode] = []
    code = cst.Module([]).code_for_node
    for s in body:
        x = s.body[0] if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1 else None
        if isinstance(x, cst.AnnAssign) and isinstance(x.target, cst.Name):
            ann = x.annotation.annotation
            if code(ann).startswith(("ClassVar", "typing.ClassVar", "InitVar")):
                ml.diag("unsupported-class", "ClassVar/InitVar fields are not supported", x)
                return None
            default = factory = None
            v = x.value
            if v is not None and isinstance(v, cst.Call) and isinstance(v.func, cst.Name) and v.func.value == "field":
                for a in v.args:
                    k = a.keyword.value if a.keyword is not None else None
                    if k == "default" and _literal_default(a.value):
                        default = code(a.value)
                    elif k == "default_factory" and isinstance(a.value, cst.Name) and (
                            a.value.value in _FACTORIES or a.value.value in ml.info.classes):
                        factory = a.value.value
                    else:
                        ml.diag("unsupported-class", "field() supports default=<literal> and default_factory=<list, "
                                "dict, set or a class> only", a)
                        return None
            elif v is not None:
                if not _literal_default(v):
                    what = "mutable default" if isinstance(v, (cst.List, cst.Dict, cst.Set)) else "default"
                    ml.diag("unsupported-class", f"a dataclass {what} must be a literal, or use "
                            "field(default_factory=...)" + (" (CPython raises ValueError for a mutable default)"
                                                            if what.startswith("mutable") else ""), v)
                    return None
                default = code(v)
            if factory is not None and code(ann).replace(" ", "").endswith("|None"):
                ml.diag("unsupported-class", "default_factory for an Optional field is not supported", x)
                return None
            fields.append((x.target.value, ann, default, factory, s))
            continue
        rest.append(s)
    own_fields = {f[0]: f for f in fields}
    fields = [own_fields.pop(f[0], f) for f in inherited] + [f for f in fields if f[0] in own_fields]
    for i, f in enumerate(fields):
        if i and (fields[i - 1][2] is not None or fields[i - 1][3] is not None) and f[2] is None and f[3] is None:
            ml.diag("unsupported-class", f"non-default argument `{f[0]}` follows default argument "
                    "(CPython raises TypeError)", f[4] if any(f[4] is b for b in body) else c.name)
            return None
    ci.dc_fields = fields
    anchor = c.decorators[0] if c.decorators else c.name
    out: list[tuple[str, list[cst.CSTNode]]] = []
    params = ["self"]
    lines = []
    for f, ann, default, factory, _ in fields:
        a = code(ann)
        if factory is not None:
            params.append(f"{f}: {a} | None = None")
            lines.append(f"    self.{f} = {f} if {f} is not None else {factory}()")
        elif default is not None:
            params.append(f"{f}: {a} = {default}")
            lines.append(f"    self.{f} = {f}")
        else:
            params.append(f"{f}: {a}")
            lines.append(f"    self.{f} = {f}")
    if "__post_init__" in own or _base_defines(ml, ci, "__post_init__"):  # CPython: hasattr(cls, ...)
        lines.append("    self.__post_init__()")
    if "__init__" not in own:
        out.append((f"def __init__({', '.join(params)}) -> None:\n" + ("\n".join(lines) or "    pass") + "\n", []))
    if "__repr__" not in own:
        parts = ", ".join(f"{f}={{self.{f}!r}}" for f, *_ in fields)
        out.append((f"def __repr__(self) -> str:\n    return f\"{{self.__class__.__name__}}({parts})\"\n", []))
    mine = "(" + "".join(f"self.{f}, " for f, *_ in fields) + ")"
    theirs = "(" + "".join(f"other.{f}, " for f, *_ in fields) + ")"
    if opts.eq and "__eq__" not in own:
        # in a hierarchy of dataclasses: `other` is typed as the topmost one generating `__eq__`
        # (the override takes what it overrides); its subclass fields are read only once the
        # run-time classes are known equal (analyzers/classes.py reads them through the base)
        top = name
        k = base
        while k is not None and k.dc_fields is not None and k.dc_eq:
            top = k.name
            k = ml.info.classes.get(k.base) if k.base is not None else None
        ci.dc_eq = True
        out.append((f"def __eq__(self, other: \"{top}\") -> bool:\n    return self.__class__.__name__ == other"
                    f".__class__.__name__ and {mine} == {theirs}\n", []))
    if opts.order:
        for m, op in _ORDER:
            if m in own:
                ml.diag("unsupported-class", f"@dataclass(order=True) with `{m}` defined (CPython raises TypeError)",
                        c.name)
                return None
            out.append((f"def {m}(self, other: \"{name}\") -> bool:\n    return {mine} {op} {theirs}\n", []))
    funcs = []
    for text, _ in out:
        fn = cst.parse_statement(text)
        assert isinstance(fn, cst.FunctionDef)
        _place(ml, fn, anchor)
        funcs.append(fn)
    return rest, funcs


def _base_defines(ml: Any, ci: Any, meth: str) -> bool:
    """Whether a base class of `ci` (a dataclass or not) defines the method `meth`."""
    k = ml.info.classes.get(ci.base) if ci.base is not None else None
    while k is not None:
        body = k.node.body.body if isinstance(k.node.body, cst.IndentedBlock) else []
        if any(isinstance(s, cst.FunctionDef) and s.name.value == meth for s in body):
            return True
        k = ml.info.classes.get(k.base) if k.base is not None else None
    return False


def _place(ml: Any, node: cst.CSTNode, anchor: cst.CSTNode) -> None:
    """Give every node of generated code the position of `anchor` (the decorator line)."""
    sp = ml.sm.span(anchor)

    class V(cst.CSTVisitor):
        def on_visit(self, n: cst.CSTNode) -> bool:
            ml.sm._spans[n] = sp  # the span cache of SourceModule.span: these nodes have no position
            return True

    node.visit(V())
