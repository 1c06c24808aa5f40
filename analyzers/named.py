"""Named tuples: `class P(typing.NamedTuple)` (annotated fields, literal defaults) and
`P = collections.namedtuple("P", "x y")` (field types inferred from the values built).

Owns reading those definitions into `NamedInfo`, and the expressions the lowering hands over:
construction (positional and keyword arguments, defaults), `p.x`, `p._replace(...)`,
`p._asdict()`, `P._fields`, and a named tuple used as a plain tuple (indexing, unpacking,
iterating, `len`, `in`: `as_tuple`). A value is `ir.NamedT`. The rest is refused
(`unsupported-namedtuple`) at its line. Must not emit Rust.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers.types import AnnotationError, TVar, parse_annotation, prune, show
from portalis.analyzers.scope import walrus_targets

MAX_FIELDS = 8  # the runtime's tuples go up to 8 items


@dataclass
class NamedInfo:
    var: str  # the Python name the class is bound to
    type: ir.NamedT
    defaults: dict[str, cst.BaseExpression]
    line: int
    inferred: bool = False  # `collections.namedtuple`: field types inferred from every construction


@dataclass
class NamedState:
    """The module's named tuple classes and the imports that make them (part of `ModuleInfo`)."""

    typing_names: set[str] = field(default_factory=set)  # local names of typing.NamedTuple
    typing_module: bool = False
    factory_names: set[str] = field(default_factory=set)  # local names of collections.namedtuple
    collections_module: bool = False
    classes: dict[str, NamedInfo] = field(default_factory=dict)

    def is_typing_base(self, e: cst.BaseExpression) -> bool:
        if isinstance(e, cst.Name):
            return e.value in self.typing_names
        return (isinstance(e, cst.Attribute) and isinstance(e.value, cst.Name) and e.value.value == "typing"
                and e.attr.value == "NamedTuple" and self.typing_module)

    def is_factory(self, e: cst.BaseExpression) -> bool:
        if isinstance(e, cst.Name):
            return e.value in self.factory_names
        return (isinstance(e, cst.Attribute) and isinstance(e.value, cst.Name) and e.value.value == "collections"
                and e.attr.value == "namedtuple" and self.collections_module)


def collect_import(ml: Any, x: cst.CSTNode) -> bool:
    """`from collections import namedtuple, defaultdict, Counter, OrderedDict, deque` / `import collections` (True: handled); notes
    `from typing import NamedTuple` and `import typing` (False: the usual handling goes on)."""
    st: NamedState = ml.info.named_state
    if isinstance(x, cst.Import):
        names = [cst.Module([]).code_for_node(a.name) for a in x.names]
        if "typing" in names:
            st.typing_module = True
        if names == ["collections"] and x.names[0].asname is None:
            st.collections_module = True
            return True
        return False
    if isinstance(x, cst.ImportFrom) and isinstance(x.module, cst.Name) and not x.relative \
            and not isinstance(x.names, cst.ImportStar):
        if x.module.value == "typing":
            for a in x.names:
                if a.evaluated_name == "NamedTuple":
                    st.typing_names.add(a.evaluated_alias or a.evaluated_name)
            return False
        if x.module.value == "collections":
            for a in x.names:
                if a.evaluated_name == "namedtuple":
                    st.factory_names.add(a.evaluated_alias or a.evaluated_name)
                elif a.evaluated_name in ("defaultdict", "Counter", "deque", "OrderedDict"):  # calls: builtins.py
                    ml.info.from_imports[a.evaluated_alias or a.evaluated_name] = ("collections", a.evaluated_name)
                else:
                    ml.diag("unsupported-import", f"`collections.{a.evaluated_name}` is not supported "
                            "(only namedtuple, defaultdict, Counter, OrderedDict and deque)", a)
            return True
    return False


def is_namedtuple_class(ml: Any, c: cst.ClassDef) -> bool:
    st: NamedState = ml.info.named_state
    return any(st.is_typing_base(b.value) for b in c.bases)


def _register(ml: Any, var: str, tname: str, fields: list[str], items: list[Any],
              defaults: dict[str, cst.BaseExpression], line: int, inferred: bool = False) -> None:
    t = ir.NamedT(tname, tuple(fields), tuple(items))
    ml.info.named_state.classes[var] = NamedInfo(var, t, defaults, line, inferred)
    ml.info.type_aliases[var] = t  # usable in annotations: `def norm(p: Point) -> float`


def collect_class(ml: Any, c: cst.ClassDef) -> None:
    """`class P(NamedTuple):` with `name: type` fields (and literal defaults)."""
    name = c.name.value

    def refuse(msg: str, node: cst.CSTNode) -> None:
        ml.diag("unsupported-namedtuple", msg, node)

    if len(c.bases) != 1 or c.keywords or c.decorators:
        refuse(f"named tuple `{name}`: only `class {name}(NamedTuple):` with no other base, keyword or decorator is "
               "supported", c.name)
    from portalis.analyzers.lower import _literal_default
    fields: list[str] = []
    items: list[Any] = []
    defaults: dict[str, cst.BaseExpression] = {}
    ok = True
    body = c.body.body if isinstance(c.body, cst.IndentedBlock) else [c.body]
    for s in body:
        if _is_doc_or_pass(s):
            continue
        x = s.body[0] if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1 else None
        if not (isinstance(x, cst.AnnAssign) and isinstance(x.target, cst.Name)):
            refuse(f"named tuple `{name}` may only declare fields (`name: type` or `name: type = literal`); methods "
                   "and other class attributes are not supported",
                   s.name if isinstance(s, (cst.FunctionDef, cst.ClassDef)) else s)
            ok = False
            continue
        f = x.target.value
        if f.startswith("_"):
            refuse(f"field names cannot start with an underscore: `{f}` (CPython raises ValueError)", x.target)
            ok = False
            continue
        if f in fields:
            refuse(f"field `{f}` is declared twice", x.target)
            ok = False
            continue
        try:
            t = parse_annotation(x.annotation.annotation, set(ml.info.exceptions), ml.info.type_aliases)
        except AnnotationError as e:  # at the annotation (e.node may be parsed from a string)
            ml.diag("unsupported-type", str(e), x.annotation)
            t = TVar("error")
            ok = False
        if x.value is not None:
            if not _literal_default(x.value):
                refuse("a field's default must be a literal (number, string, True/False/None)", x.value)
                ok = False
            defaults[f] = x.value
        elif defaults:
            refuse(f"non-default field `{f}` cannot follow a default field (CPython raises TypeError)", x.target)
            ok = False
        fields.append(f)
        items.append(t)
    if not fields:
        refuse(f"named tuple `{name}` has no fields", c.name)
        ok = False
    if len(fields) > MAX_FIELDS:
        refuse(f"named tuples of more than {MAX_FIELDS} fields are not supported", c.name)
        ok = False
    if ok:
        _register(ml, name, name, fields, items, defaults, ml.sm.span(c).line)


def collect_assign(ml: Any, s: cst.CSTNode) -> bool:
    """`P = namedtuple("P", "x y")` (or a list of names) at module level: True when `s` is one."""
    st: NamedState = ml.info.named_state
    if not (st.factory_names or st.collections_module):
        return False
    if not (isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1 and isinstance(s.body[0], cst.Assign)):
        return False
    x = s.body[0]
    v = x.value
    if not (isinstance(v, cst.Call) and st.is_factory(v.func)):
        return False

    def refuse(msg: str, node: cst.CSTNode) -> bool:
        ml.diag("unsupported-namedtuple", msg, node)
        return True

    if len(x.targets) != 1 or not isinstance(x.targets[0].target, cst.Name):
        return refuse("bind a namedtuple class to one name: `P = namedtuple(\"P\", \"x y\")`", x)
    var = x.targets[0].target.value
    if any(a.keyword is not None or a.star for a in v.args) or len(v.args) != 2:
        return refuse("namedtuple() takes the type name and the field names here (no defaults=, rename=, module=)", v)
    tn, fn = v.args[0].value, v.args[1].value
    if not (isinstance(tn, cst.SimpleString) and isinstance(tn.evaluated_value, str) and tn.evaluated_value.isidentifier()
            and not keyword.iskeyword(tn.evaluated_value)):
        return refuse("namedtuple()'s type name must be a string literal naming an identifier", tn)
    fields: list[str] = []
    if isinstance(fn, cst.SimpleString) and isinstance(fn.evaluated_value, str):
        fields = fn.evaluated_value.replace(",", " ").split()
    elif isinstance(fn, (cst.List, cst.Tuple)) and all(
            isinstance(e.value, cst.SimpleString) and isinstance(e.value.evaluated_value, str) for e in fn.elements):
        fields = [e.value.evaluated_value for e in fn.elements]  # type: ignore[union-attr]
    else:
        return refuse("namedtuple()'s field names must be a string literal or a list of string literals", fn)
    for k, f in enumerate(fields):
        if not f.isidentifier() or keyword.iskeyword(f) or f.startswith("_") or f in fields[:k]:
            return refuse(f"invalid or repeated field name {f!r} (CPython raises ValueError)", fn)
    if not fields or len(fields) > MAX_FIELDS:
        return refuse(f"a named tuple needs 1 to {MAX_FIELDS} fields here", fn)
    line = ml.sm.span(s).line
    _register(ml, var, tn.evaluated_value, fields, [TVar(f"field {f} of {var}", line) for f in fields], {}, line,
              inferred=True)
    return True


# ---------------------------------------------------------------- expressions (fl: FunctionLowerer)


def is_class(fl: Any, node: cst.BaseExpression) -> bool:
    return (isinstance(node, cst.Name) and node.value in fl.info.named_state.classes
            and node.value not in fl.comp_scope and not (node.value in fl.locals and node.value not in fl.global_names))


def _too_early(fl: Any, info: NamedInfo, node: cst.CSTNode) -> bool:
    if fl.fname == "<module>" and fl.sp(node).line < info.line:
        fl.err("undefined-name", f"`{info.var}` is used before its definition runs (line {info.line}); Python raises "
               "NameError here: move the definition up", node)
        return True
    return False


def class_value(fl: Any, node: cst.Name) -> ir.Expr:
    return fl.err("unsupported-namedtuple", f"the named tuple class `{node.value}` as a value: only calls "
                  f"`{node.value}(...)`, `{node.value}._fields` and annotations are supported", node)


def class_attr(fl: Any, node: cst.Attribute) -> ir.Expr:
    """`P._fields`."""
    info = fl.info.named_state.classes[node.value.value]  # type: ignore[attr-defined]
    sp = fl.sp(node)
    if node.attr.value == "_fields" and not _too_early(fl, info, node):
        return ir.TupleLit(tuple(ir.Const(f, ir.STR, sp) for f in info.type.fields),
                           ir.TupleT(tuple(ir.STR for _ in info.type.fields)), sp)
    return fl.err("unsupported-namedtuple", f"`{info.var}.{node.attr.value}` is not supported (only `_fields`)", node)


def construct(fl: Any, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
    """`P(1, 2)`, `P(x=1, y=2)`: the arguments bound to the fields as Python binds them."""
    info: NamedInfo = fl.info.named_state.classes[node.func.value]  # type: ignore[attr-defined]
    if _too_early(fl, info, node):
        return fl.poison(node)
    t = info.type
    names = list(t.fields)
    if len(pos) > len(names):
        return fl.err("type-mismatch", f"`{info.var}()` takes {len(names)} arguments, got {len(pos)}", node)
    bound: dict[str, cst.BaseExpression] = dict(zip(names, pos))
    for k, v in kw.items():
        if k not in names:
            return fl.err("type-mismatch", f"`{info.var}()` got an unexpected keyword argument `{k}`", v)
        if k in bound:
            return fl.err("type-mismatch", f"`{info.var}()` got multiple values for argument `{k}`", v)
        bound[k] = v
    missing = [f for f in names if f not in bound and f not in info.defaults]
    if missing:
        return fl.err("type-mismatch", f"`{info.var}()` is missing the argument `{missing[0]}`", node)
    order = [names.index(k) for k in kw]
    rebound = walrus_targets(kw.values())
    if order != sorted(order) and sum(not fl.effect_free(kw[k], rebound) for k in kw) > 1:
        return fl.err("unsupported-syntax", f"keyword arguments written out of `{info.var}`'s field order must be "
                      "local variables or literals (Python evaluates them in the order written)", node)
    items = tuple(fl.coerce_to(fl.expr(bound.get(f, info.defaults.get(f))), ft, bound.get(f, node),
                               f"field `{f}` of `{info.var}`")
                  for f, ft in zip(names, t.items))
    return ir.Intrinsic("named.new", items, t, fl.sp(node))


def attr(fl: Any, obj: ir.Expr, t: ir.NamedT, node: cst.Attribute) -> ir.Expr:
    """`p.x` (and `p._fields`)."""
    a = node.attr.value
    sp = fl.sp(node)
    if a in t.fields:
        i = t.fields.index(a)
        return ir.Intrinsic("named.field", (obj, ir.Const(i, ir.INT, sp)), t.items[i], sp)
    if a == "_fields":
        return ir.Intrinsic("eval_then", (obj, ir.TupleLit(tuple(ir.Const(f, ir.STR, sp) for f in t.fields),
                                                          ir.TupleT(tuple(ir.STR for _ in t.fields)), sp)),
                            ir.TupleT(tuple(ir.STR for _ in t.fields)), sp)
    return fl.err("unsupported-namedtuple", f"`{t.name}` has no field `{a}` (fields: {', '.join(t.fields)})", node)


def method(fl: Any, obj: ir.Expr, t: ir.NamedT, m: str, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
    """`p._replace(x=1)` (a new value; evaluated in the order written), `p._asdict()`."""
    sp = fl.sp(node)
    if m == "_replace":
        if pos:
            return fl.err("type-mismatch", "`_replace()` takes keyword arguments only", node)
        args: list[ir.Expr] = [obj]
        idxs: list[tuple[str, ir.Expr]] = []
        for k, v in kw.items():
            if k not in t.fields:
                return fl.err("type-mismatch", f"`_replace()`: `{t.name}` has no field `{k}` (CPython raises ValueError)", v)
            i = t.fields.index(k)
            args.append(fl.coerce_to(fl.expr(v), t.items[i], v, f"field `{k}` of `{t.name}`"))
            idxs.append((f"f{len(idxs)}", ir.Const(i, ir.INT, sp)))
        return ir.Intrinsic("named.replace", tuple(args), t, sp, tuple(idxs))
    if m == "_asdict":
        if pos or kw:
            return fl.err("type-mismatch", "`_asdict()` takes no arguments", node)
        items = [prune(i) for i in t.items]
        if any(isinstance(i, TVar) for i in items):
            return fl.unknown(sp)
        if any(show(i) != show(items[0]) for i in items):
            return fl.err("unsupported-namedtuple", f"`_asdict()` of `{t.name}`, whose fields have different types "
                          "(a dict holds one value type here)", node)
        return ir.Intrinsic("named.asdict", (obj,), ir.DictT(ir.STR, items[0]), sp)
    return fl.err("unsupported-namedtuple", f"method `.{m}()` of a named tuple is not supported "
                  "(only `_replace` and `_asdict`)", node)


def as_tuple(e: ir.Expr) -> ir.Expr:
    """A named tuple used as a plain tuple (indexing, unpacking, iterating, `len`, `in`)."""
    t = prune(e.ty)
    if isinstance(t, ir.NamedT):
        return ir.Intrinsic("named.tuple", (e,), ir.TupleT(t.items), e.span)
    return e


def _is_doc_or_pass(s: cst.CSTNode) -> bool:
    return isinstance(s, cst.SimpleStatementLine) and all(
        isinstance(x, cst.Pass) or (isinstance(x, cst.Expr) and isinstance(x.value, (cst.SimpleString, cst.ConcatenatedString)))
        for x in s.body)
