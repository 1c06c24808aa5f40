"""Enum classes: `enum.Enum` and `enum.IntEnum` (`auto()`, aliases, `@unique`).

Owns reading an enum class statement (members with int or str literal values, or `auto()`)
into an `EnumInfo`, and the expressions on enum classes and members the lowering hands over
(`Color.RED`, `c.name`, `c.value`, `Color(v)`, `Color["RED"]`, the class iterated, IntEnum
members used as ints). A member is `ir.EnumT`; the class is `ir.EnumClass` in the module.
Anything else about an enum is refused (`unsupported-enum`) at its line. Must not emit Rust.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers.types import TVar, prune, show, unify
from portalis.diagnostics import Span

ENUM_NAMES = {"Enum", "IntEnum", "auto", "unique"}
OTHER_ENUM_NAMES = {"Flag", "IntFlag", "StrEnum", "ReprEnum", "EnumMeta", "EnumType", "verify", "member", "nonmember",
                    "property", "global_enum"}
# builtins that take the class as an iterable of its members (`list(Color)`, `len(Color)`)
_ITER_CALLS = {"list", "len", "sorted", "set", "enumerate", "reversed", "zip", "min", "max", "any", "all", "sum"}


@dataclass
class EnumInfo:
    name: str
    int_enum: bool
    value: Any  # ir.INT | ir.STR
    names: list[str]
    values: list[Any]
    aliases: dict[str, int]
    span: Span

    @property
    def type(self) -> ir.EnumT:
        return ir.EnumT(self.name, self.int_enum, self.value)

    def index(self, name: str) -> int | None:
        if name in self.names:
            return self.names.index(name)
        return self.aliases.get(name)

    def to_ir(self) -> ir.EnumClass:
        return ir.EnumClass(self.name, self.int_enum, self.value, tuple(self.names), tuple(self.values),
                            tuple(self.aliases.items()), self.span)


@dataclass
class EnumState:
    """The module's enum imports and classes (part of `lower.ModuleInfo`)."""

    module_imported: bool = False  # `import enum`
    names: dict[str, str] = field(default_factory=dict)  # local name -> name in `enum` (from-imports)
    classes: dict[str, EnumInfo] = field(default_factory=dict)
    # per function (its CST node; the module's tree for the module body): the class-name nodes used
    # as iterables there. Keyed by the nodes themselves (identity), so an edited function's new
    # CST (the engine's quick re-analysis) gets its own entry and no stale node can match.
    iter_nodes: dict[Any, set[Any]] = field(default_factory=dict)

    def ref(self, node: cst.BaseExpression) -> str | None:
        """The `enum` name a base or decorator expression refers to (`Enum`, `enum.IntEnum`)."""
        if isinstance(node, cst.Name) and node.value in self.names:
            return self.names[node.value]
        if (isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "enum"
                and self.module_imported):
            return node.attr.value
        return None


def collect_import(ml: Any, x: cst.CSTNode) -> bool:
    """`import enum` / `from enum import Enum, IntEnum, auto, unique`: True when handled."""
    st: EnumState = ml.info.enum_state
    if isinstance(x, cst.Import):
        names = [cst.Module([]).code_for_node(a.name) for a in x.names]
        if names != ["enum"]:
            return False
        if x.names[0].asname is not None:
            ml.diag("unsupported-import", "`import enum as ...` is not supported; use `import enum`", x)
        st.module_imported = True
        return True
    if isinstance(x, cst.ImportFrom) and isinstance(x.module, cst.Name) and x.module.value == "enum" and not x.relative:
        if isinstance(x.names, cst.ImportStar):
            ml.diag("unsupported-import", "`from enum import *` is not supported", x)
            return True
        for a in x.names:
            n = a.evaluated_name
            if n not in ENUM_NAMES:
                ml.diag("unsupported-enum", f"`enum.{n}` is not supported (only Enum, IntEnum, auto and unique)", a)
            st.names[a.evaluated_alias or n] = n  # a class deriving from an unsupported one is refused as an enum
        return True
    return False


def enum_base(ml: Any, c: cst.ClassDef) -> str | None:
    """"Enum"/"IntEnum" when `c` derives from one (any other `enum` base: "other"), else None."""
    st: EnumState = ml.info.enum_state
    for b in c.bases:
        r = st.ref(b.value)
        if r in ("Enum", "IntEnum"):
            return r
        if r is not None or (isinstance(b.value, cst.Name) and b.value.value in st.classes):
            return "other"
    return None


def collect_enum(ml: Any, c: cst.ClassDef, base: str) -> None:
    """Read enum class `c` into `ml.info.enum_state`; refuse what is not supported."""
    st: EnumState = ml.info.enum_state
    name = c.name.value

    def refuse(msg: str, node: cst.CSTNode) -> None:
        ml.diag("unsupported-enum", msg, node)

    if base == "other" or len(c.bases) != 1 or c.keywords:
        refuse(f"enum class `{name}`: only a class deriving from Enum or IntEnum alone is supported "
               "(no Flag/StrEnum, mixins, subclasses of enums or metaclass keywords)", c.name)
    unique = False
    for d in c.decorators:
        if st.ref(d.decorator) == "unique":
            unique = True
        else:
            refuse("the only decorator supported on an enum class is `@unique`", d)
    info = EnumInfo(name, base == "IntEnum", None, [], [], {}, ml.sm.span(c.name))
    seen: set[str] = set()
    assigned: list[Any] = []  # the values assigned so far, aliases included (auto() continues from them)
    body = c.body.body if isinstance(c.body, cst.IndentedBlock) else [c.body]
    for s in body:
        if _is_doc_or_pass(s):
            continue
        x = s.body[0] if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1 else None
        if not (isinstance(x, cst.Assign) and len(x.targets) == 1 and isinstance(x.targets[0].target, cst.Name)):
            refuse(f"enum class `{name}` may only define members (`NAME = 1`, `NAME = \"text\"`, `NAME = auto()`); "
                   "methods and other class attributes are not supported",
                   s.name if isinstance(s, (cst.FunctionDef, cst.ClassDef)) else s)
            continue
        mname = x.targets[0].target.value
        if mname.startswith("_"):
            refuse(f"`{mname}`: enum names starting with `_` (private, _sunder_ and __dunder__ names) are not supported",
                   x.targets[0].target)
            continue
        if mname in seen:
            refuse(f"`{mname}` is defined twice in `{name}` (CPython raises TypeError: Attempted to reuse key)", x)
            continue
        seen.add(mname)
        v = x.value
        value: Any = None
        if isinstance(v, cst.Call) and not v.args and st.ref(v.func) == "auto":
            if info.value == ir.STR:
                refuse("`auto()` in an enum of str values is not supported", v)
                continue
            # CPython 3.11's _generate_next_value_ sorts its copy of the values in place and
            # returns the largest + 1 (with a DeprecationWarning when the last was not the
            # largest): 7, 12, -3, auto() is 13, not -2
            value = 1 if not assigned else max(assigned) + 1
        else:
            value = _literal(v)
            if value is None:
                refuse("an enum member's value must be an int or str literal, or `auto()`", v)
                continue
        vt = ir.STR if isinstance(value, str) else ir.INT
        if info.value is None:
            info.value = vt
        elif info.value != vt:
            refuse(f"enum `{name}` mixes int and str values; Portalis supports one value type per enum", v)
            continue
        if info.int_enum and vt != ir.INT:
            refuse("IntEnum members need int values (CPython raises ValueError)", v)
            continue
        if isinstance(value, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            refuse("lone surrogates (U+D800..U+DFFF) in strings are not supported: Portalis strs cannot hold them", v)
            continue
        if vt == ir.INT and not -(2**63) <= value < 2**63:
            refuse("enum values must fit in 64 bits", v)
            continue
        assigned.append(value)
        if value in info.values:
            canon = info.values.index(value)
            if unique:
                refuse(f"duplicate value in @unique enum `{name}`: `{mname}` -> `{info.names[canon]}` (CPython raises "
                       "ValueError when the class is created)", x)
                continue
            info.aliases[mname] = canon
            continue
        info.names.append(mname)
        info.values.append(value)
    if info.value is None:
        info.value = ir.INT
    if not info.names:
        refuse(f"enum class `{name}` has no members", c.name)
    st.classes[name] = info
    ml.info.type_aliases[name] = info.type  # usable in annotations: `def f(c: Color) -> str`


def find_iter_positions(st: EnumState, tree: cst.CSTNode) -> set[Any]:
    """Where an enum class name is used as an iterable of its members in `tree` (`for c in Color`,
    `[... for c in Color]`, `list(Color)`, `len(Color)`, `x in Color`): the only places a class is
    accepted as a value."""
    names = set(st.classes)
    out: set[Any] = set()

    def mark(e: cst.CSTNode | None) -> None:
        if isinstance(e, cst.Name) and e.value in names:
            out.add(e)

    class V(cst.CSTVisitor):
        def visit_For(self, node: cst.For) -> None:
            mark(node.iter)

        def visit_CompFor(self, node: cst.CompFor) -> None:
            mark(node.iter)

        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name) and node.func.value in _ITER_CALLS:
                for a in node.args:
                    if a.keyword is None and not a.star:
                        mark(a.value)

        def visit_ComparisonTarget(self, node: cst.ComparisonTarget) -> None:
            if isinstance(node.operator, (cst.In, cst.NotIn)):
                mark(node.comparator)

    tree.visit(V())
    return out


def _iterated_here(fl: Any, node: cst.Name) -> bool:
    st: EnumState = fl.info.enum_state
    sig = fl.info.funcs.get(fl.fname)
    root = sig.node if sig is not None else fl.info.sm.tree
    if root not in st.iter_nodes:
        st.iter_nodes[root] = find_iter_positions(st, root)
    return node in st.iter_nodes[root]


# ---------------------------------------------------------------- expressions (fl: FunctionLowerer)


def is_class(fl: Any, node: cst.BaseExpression) -> bool:
    """`node` names an enum class (not shadowed by a local)."""
    return (isinstance(node, cst.Name) and node.value in fl.info.enum_state.classes
            and node.value not in fl.comp_scope and not (node.value in fl.locals and node.value not in fl.global_names))


def _too_early(fl: Any, info: EnumInfo, node: cst.CSTNode) -> bool:
    if fl.fname == "<module>" and fl.sp(node).line < info.span.line:
        fl.err("undefined-name", f"enum `{info.name}` is used before its `class` statement runs (line "
               f"{info.span.line}); Python raises NameError here: move the class up", node)
        return True
    return False


def class_value(fl: Any, node: cst.Name) -> ir.Expr:
    """The class name as a value: only as an iterable of its members."""
    info = fl.info.enum_state.classes[node.value]
    if _too_early(fl, info, node):
        return fl.poison(node)
    if not _iterated_here(fl, node):
        return fl.err("unsupported-enum", f"the enum class `{info.name}` as a value: only its members, `Color.NAME`, "
                      "`Color(value)`, `Color[name]` and iterating it (`for c in Color`, `list(Color)`, `len(Color)`) "
                      "are supported", node)
    return ir.Intrinsic("enum.members", (), ir.ListT(info.type), fl.sp(node))


def class_attr(fl: Any, node: cst.Attribute) -> ir.Expr:
    """`Color.RED` (an alias names its canonical member)."""
    info = fl.info.enum_state.classes[node.value.value]  # type: ignore[attr-defined]
    if _too_early(fl, info, node):
        return fl.poison(node)
    idx = info.index(node.attr.value)
    if idx is None:
        return fl.err("unsupported-enum", f"`{info.name}` has no member `{node.attr.value}` (only members are "
                      "supported as class attributes)", node)
    sp = fl.sp(node)
    return ir.Intrinsic("enum.member", (ir.Const(idx, ir.INT, sp),), info.type, sp)


def member_attr(fl: Any, obj: ir.Expr, t: ir.EnumT, node: cst.Attribute) -> ir.Expr:
    """`c.name`, `c.value`."""
    sp = fl.sp(node)
    a = node.attr.value
    if a == "name":
        return ir.Intrinsic("enum.name", (obj,), ir.STR, sp)
    if a == "value":
        return ir.Intrinsic("enum.value", (obj,), t.value, sp)
    return fl.err("unsupported-enum", f"`.{a}` of an enum member is not supported (only `.name` and `.value`)", node)


def call_class(fl: Any, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
    """`Color(value)`: the member with that value (ValueError when none has it)."""
    info = fl.info.enum_state.classes[node.func.value]  # type: ignore[attr-defined]
    if _too_early(fl, info, node):
        return fl.poison(node)
    if kw or len(pos) != 1:
        return fl.err("unsupported-enum", f"`{info.name}(...)` takes one value (the functional API is not supported)",
                      node)
    sp = fl.sp(node)
    v = fl.expr(pos[0])
    vt = prune(v.ty)
    if isinstance(vt, TVar):
        if vt.origin == "error":
            return v
        unify(vt, info.value)
        vt = prune(vt)
    if vt == info.type:
        return v  # Color(Color.RED) is the member itself
    if vt == ir.BOOL and info.value == ir.INT:
        v = ir.Coerce(v, ir.INT, v.span)
    elif vt != info.value:
        return fl.err("unsupported-enum", f"`{info.name}(...)` of a {show(vt)}: its values are {show(info.value)}s "
                      "(CPython would raise ValueError)", pos[0])
    return ir.Intrinsic("enum.from_value", (v,), info.type, sp)


def class_subscript(fl: Any, node: cst.Subscript) -> ir.Expr:
    """`Color["RED"]`: the member of that name (aliases too; KeyError when none has it)."""
    info = fl.info.enum_state.classes[node.value.value]  # type: ignore[attr-defined]
    if _too_early(fl, info, node):
        return fl.poison(node)
    sl = node.slice[0].slice if len(node.slice) == 1 else None
    if not isinstance(sl, cst.Index):
        return fl.err("unsupported-enum", f"`{info.name}[...]` takes one member name", node)
    sp = fl.sp(node)
    k = fl.coerce_to(fl.expr(sl.value), ir.STR, sl.value, f"`{info.name}[...]`")
    if isinstance(k, ir.Const) and isinstance(k.value, str) and info.index(k.value) is not None:
        return ir.Intrinsic("enum.member", (ir.Const(info.index(k.value), ir.INT, sp),), info.type, sp)
    return ir.Intrinsic("enum.from_name", (k,), info.type, sp)


def as_int(e: ir.Expr) -> ir.Expr:
    """An IntEnum member where an int operand is needed (arithmetic, ordering, comparing with
    an int): its value, as CPython computes with it. Anything else is returned as it is."""
    t = prune(e.ty)
    if isinstance(t, ir.EnumT) and t.int_enum:
        return ir.Intrinsic("enum.value", (e,), ir.INT, e.span)
    return e


def int_operands(a: ir.Expr, b: ir.Expr, op: str) -> tuple[ir.Expr, ir.Expr]:
    """Comparison operands: IntEnum members compare as ints, except `==`/`!=` between two
    members of one class (the same answer, without a conversion)."""
    ta, tb = prune(a.ty), prune(b.ty)
    if not (isinstance(ta, ir.EnumT) and ta.int_enum) and not (isinstance(tb, ir.EnumT) and tb.int_enum):
        return a, b
    if op in ("==", "!=") and ta == tb:
        return a, b
    return as_int(a), as_int(b)


def _literal(v: cst.BaseExpression) -> int | str | None:
    neg = False
    if isinstance(v, cst.UnaryOperation) and isinstance(v.operator, cst.Minus) and isinstance(v.expression, cst.Integer):
        neg, v = True, v.expression
    if isinstance(v, cst.Integer):
        n = v.evaluated_value
        return -n if neg else n
    if isinstance(v, (cst.SimpleString, cst.ConcatenatedString)) and isinstance(v.evaluated_value, str):
        return v.evaluated_value
    return None


def _is_doc_or_pass(s: cst.CSTNode) -> bool:
    return isinstance(s, cst.SimpleStatementLine) and all(
        isinstance(x, cst.Pass) or (isinstance(x, cst.Expr) and isinstance(x.value, (cst.SimpleString, cst.ConcatenatedString)))
        for x in s.body)


def compare_operands(a: ir.Expr, b: ir.Expr, op: str) -> tuple[ir.Expr, ir.Expr, str]:
    """One comparison of a chain: `is`/`is not` between members is `==`/`!=` (members are
    singletons); IntEnum members compare as ints (`int_operands`)."""
    ta, tb = prune(a.ty), prune(b.ty)
    if op in ("is", "is not") and isinstance(ta, ir.EnumT) and isinstance(tb, ir.EnumT):
        op = "==" if op == "is" else "!="
    if op in ("is", "is not", "in", "not in"):
        return a, b, op
    a, b = int_operands(a, b, op)
    return a, b, op
