"""Type facts: type variables, unification, and reading annotations.

Owns the inference vocabulary used while lowering: `TVar` (a unification variable with
provenance), `unify`, `resolve`, `parse_annotation`. Facts come from providers in order of
trust: annotations, then local dataflow (literals, operators, calls to known functions,
return types across the module, call sites of unannotated parameters). Later providers
(jedi, the Triton-served model) plug in as further sources of `TypeFact`s with provenance and
confidence; they may only fill variables that the static providers left open. Must not
emit Rust or build IR nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Union

import libcst as cst

from portalis import ir


class TVar:
    """A type not known yet. `origin` says where it was made (for diagnostics)."""

    __slots__ = ("ref", "origin", "line")
    _counter = 0

    def __init__(self, origin: str, line: int = 0):
        self.ref: "T | None" = None
        self.origin = origin
        self.line = line

    def __repr__(self) -> str:
        return f"?{self.origin}"

    def __str__(self) -> str:
        return "?"


T = Union[ir.Type, TVar]  # may contain TVars inside containers


@dataclass(frozen=True)
class TypeFact:
    """A type for a slot, with where it came from; the seam for jedi and model providers."""

    slot: str  # e.g. "f.param.x", "f.return", "f.local.total"
    ty: ir.Type
    provenance: str  # "annotation" | "dataflow" | "call-site" | "jedi" | "model"
    confidence: float = 1.0


def prune(t: T) -> T:
    while isinstance(t, TVar) and t.ref is not None:
        t = t.ref
    return t


def resolve(t: T, free: ir.Type | None = None, keep_errors: bool = False) -> T:
    """Replace bound variables everywhere; free ones stay, or become `free` when given (with
    `keep_errors`, variables made for untranslatable code stay variables even then)."""
    t = prune(t)
    if isinstance(t, TVar):
        return t if free is None or (keep_errors and t.origin == "error") else free

    def r(x: T) -> T:
        return resolve(x, free, keep_errors)

    if isinstance(t, ir.ListT):
        return ir.ListT(r(t.elem))
    if isinstance(t, ir.SetT):
        return ir.SetT(r(t.elem))
    if isinstance(t, ir.DequeT):
        return ir.DequeT(r(t.elem))
    if isinstance(t, ir.DictT):
        return ir.DictT(r(t.key), r(t.val))
    if isinstance(t, ir.TupleT):
        return ir.TupleT(tuple(r(i) for i in t.items))
    if isinstance(t, ir.NamedT):
        return ir.NamedT(t.name, t.fields, tuple(r(i) for i in t.items))
    if isinstance(t, ir.OptionT):
        return ir.OptionT(r(t.inner))
    if isinstance(t, ir.IterT):
        return ir.IterT(r(t.elem), t.kind)
    if isinstance(t, ir.FuncT):
        return ir.FuncT(tuple(r(p) for p in t.params), r(t.ret))
    if isinstance(t, ir.UnionT):
        return ir.UnionT(tuple(r(m) for m in t.members))
    return t


def free_var(t: T) -> TVar | None:
    """The first unbound variable inside `t`, if any."""
    t = prune(t)
    if isinstance(t, TVar):
        return t
    for child in children(t):
        v = free_var(child)
        if v is not None:
            return v
    return None


def children(t: T) -> tuple[T, ...]:
    if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT)):
        return (t.elem,)
    if isinstance(t, ir.DictT):
        return (t.key, t.val)
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        return t.items
    if isinstance(t, ir.OptionT):
        return (t.inner,)
    if isinstance(t, ir.IterT):
        return (t.elem,)
    if isinstance(t, ir.FuncT):
        return (*t.params, t.ret)
    if isinstance(t, ir.UnionT):
        return t.members
    return ()


def occurs(v: TVar, t: T) -> bool:
    t = prune(t)
    if t is v:
        return True
    return any(occurs(v, c) for c in children(t))


def unify(a: T, b: T, dry: bool = False) -> bool:
    """Make `a` and `b` the same type; False when they cannot be (nothing is undone). `dry`: only
    say whether they could be, binding nothing (a type variable fits anything then)."""
    a, b = prune(a), prune(b)
    if a is b:
        return True
    if isinstance(a, TVar):
        if dry:
            return True
        if occurs(a, b):
            return False
        a.ref = b
        return True
    if isinstance(b, TVar):
        return unify(b, a, dry)
    if type(a) is not type(b):
        return False
    if isinstance(a, ir.Prim):
        return a == b
    if isinstance(a, ir.ExcT):
        return True  # all exception values share one Rust type
    if isinstance(a, ir.EnumT):
        return a == b
    if isinstance(a, ir.NamedT):  # one class: its field types (settled by the first values seen)
        return a.name == b.name and all(unify(x, y, dry) for x, y in zip(a.items, b.items))
    if isinstance(a, ir.ObjT):
        return a.name == b.name  # a subclass where a base is expected: coerce_to, not unify
    if isinstance(a, ir.TupleT):
        assert isinstance(b, ir.TupleT)
        return len(a.items) == len(b.items) and all(unify(x, y, dry) for x, y in zip(a.items, b.items))
    if isinstance(a, ir.IterT):
        assert isinstance(b, ir.IterT)
        return a.kind == b.kind and unify(a.elem, b.elem, dry)
    if isinstance(a, ir.UnionT):
        return show(a) == show(b)  # canonical members: the same union has the same text
    ca, cb = children(a), children(b)
    return len(ca) == len(cb) and all(unify(x, y, dry) for x, y in zip(ca, cb))


def show(t: T) -> str:
    t = resolve(t)
    return str(t)


_PRIMS = {"int": ir.INT, "float": ir.FLOAT, "bool": ir.BOOL, "str": ir.STR, "None": ir.NONE}
_GENERIC = {"list": "list", "List": "list", "dict": "dict", "Dict": "dict", "set": "set", "Set": "set",
            "defaultdict": "dict", "DefaultDict": "dict",  # a dict whose value says what a missing key gets
            "OrderedDict": "dict",  # a dict whose order counts in `==` (collections.OrderedDict)
            "Counter": "counter",  # `Counter[str]`: a dict[str, int] whose missing keys count 0
            "tuple": "tuple", "Tuple": "tuple", "Optional": "optional", "Union": "union",
            "Iterator": "iter",  # `typing.Iterator[T]`: a list iterator (`iter(xs)`), the only one modelled
            "deque": "deque", "Deque": "deque"}  # `collections.deque[T]`, `typing.Deque[T]`


class AnnotationError(Exception):
    def __init__(self, node: cst.CSTNode, message: str):
        super().__init__(message)
        self.node = node


def parse_annotation(node: cst.BaseExpression, exceptions: set[str],
                     aliases: Mapping[str, ir.Type] | None = None) -> ir.Type:
    """Read a type annotation; raises AnnotationError for anything outside the supported types.
    ``aliases``: the module's type aliases defined so far (`Vector = list[float]`)."""
    if isinstance(node, cst.Name):
        if node.value in _PRIMS:
            return _PRIMS[node.value]
        if node.value in ("object", "Any") and not (aliases and node.value in aliases):
            from portalis.analyzers.unions import OBJECT
            return OBJECT
        if aliases and node.value in aliases:
            return aliases[node.value]
        if node.value in exceptions or node.value == "Exception":
            return ir.ExcT(node.value)
        from portalis.analyzers.builtins import BUILTIN_EXCEPTIONS
        if node.value in BUILTIN_EXCEPTIONS:  # `-> ValueError`
            return ir.ExcT(node.value)
        if node.value in ("list", "List"):
            raise AnnotationError(node, "give the element type: `list[int]`")
        if node.value in ("dict", "Dict", "defaultdict", "DefaultDict", "OrderedDict"):
            raise AnnotationError(node, f"give the key and value types: `{node.value}[str, int]`")
        if node.value == "Counter":
            raise AnnotationError(node, "give the key type: `Counter[str]`")
        if node.value in ("deque", "Deque"):
            raise AnnotationError(node, f"give the item type: `{node.value}[int]`")
        raise AnnotationError(node, f"unsupported type `{node.value}`")
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "typing":
        return parse_annotation(node.attr, exceptions, aliases)
    if isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str):
        # a forward reference: its names read as CPython would compile them (NFKC, PEP 3131);
        # its nodes have no place in the file, so errors inside it are reported at the string
        try:
            inner = cst.parse_expression(node.evaluated_value.strip())
        except cst.ParserSyntaxError:
            raise AnnotationError(node, "unreadable string annotation") from None
        if not node.evaluated_value.isascii():
            from portalis.analyzers.ingest import _Normalise
            inner = inner.visit(_Normalise(nfkc=True))  # ingest's NFKC, as for the file's own names
        try:
            return parse_annotation(inner, exceptions, aliases)
        except AnnotationError as e:
            raise AnnotationError(node, str(e)) from None
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        parts: list[cst.BaseExpression] = []
        stack: list[cst.BaseExpression] = [node]
        while stack:  # `a | b | c` is ((a | b) | c): its operands, in order
            x = stack.pop()
            if isinstance(x, cst.BinaryOperation) and isinstance(x.operator, cst.BitOr):
                stack += [x.right, x.left]
            else:
                parts.append(x)
        return _union_annotation(node, [parse_annotation(p, exceptions, aliases) for p in parts], aliases)
    if isinstance(node, cst.Subscript):
        base = node.value
        name = base.value if isinstance(base, cst.Name) else base.attr.value if isinstance(base, cst.Attribute) else None
        if name == "Callable":  # `Callable[[int, str], bool]`: a function value (module functions)
            return _callable_annotation(node, exceptions, aliases)
        kind = _GENERIC.get(name or "")
        args: list[cst.BaseExpression] = []
        for el in node.slice:
            if not isinstance(el.slice, cst.Index):
                raise AnnotationError(node, "slices are not types")
            args.append(el.slice.value)
        if kind == "tuple" and len(args) == 2 and isinstance(args[1], cst.Ellipsis):
            raise AnnotationError(node, "variable-length tuples are not supported; use list[T]")
        parsed = [parse_annotation(a, exceptions, aliases) for a in args]
        if kind in ("set", "dict", "counter") and parsed and not _hashable_key(parsed[0]):
            raise AnnotationError(node, f"{kind} keys of type {show(parsed[0])} are not supported "
                                  "(float keys, and unhashable lists/dicts/sets)")
        if kind == "list" and len(parsed) == 1:
            return ir.ListT(parsed[0])
        if kind == "set" and len(parsed) == 1:
            return ir.SetT(parsed[0])
        if kind == "dict" and len(parsed) == 2:
            return ir.DictT(parsed[0], parsed[1])
        if kind == "counter" and len(parsed) == 1:
            return ir.DictT(parsed[0], ir.INT)
        if kind == "deque" and len(parsed) == 1:
            return ir.DequeT(parsed[0])
        if kind == "iter" and len(parsed) == 1:
            return ir.IterT(parsed[0], "iter")
        if kind == "tuple" and parsed:
            return ir.TupleT(tuple(parsed))
        if kind == "optional" and len(parsed) == 1:
            return _union_annotation(node, [parsed[0], ir.NONE], aliases)
        if kind == "union" and parsed:
            return _union_annotation(node, parsed, aliases)
        raise AnnotationError(node, f"unsupported type `{cst.Module([]).code_for_node(node)}`")
    raise AnnotationError(node, f"unsupported type annotation `{cst.Module([]).code_for_node(node)}`")


def _union_annotation(node: cst.CSTNode, parsed: list[ir.Type], aliases: Any = None) -> ir.Type:
    """`A | B | ...`, `Union[A, B]`, `Optional[A]`: `X | None` stays an Optional; other unions
    are `ir.UnionT` (analyzers.unions); user classes only: their implicit common root
    (analyzers.class_group, which the module lowering is told through `aliases`)."""
    from portalis.analyzers.unions import UnionError, make_union
    objs = [p for p in parsed if isinstance(p, ir.ObjT)]
    if isinstance(aliases, dict) and len({o.name for o in objs}) > 1 and all(
            isinstance(p, ir.ObjT) or p == ir.NONE for p in parsed):
        from portalis.analyzers import class_group
        t: ir.Type = class_group.annotated(aliases, node, [o.name for o in objs])
        return ir.OptionT(t) if ir.NONE in parsed else t
    try:
        return make_union(parsed)
    except UnionError as ex:
        raise AnnotationError(node, f"unsupported union: {ex}") from None


def type_alias(stmt: cst.CSTNode, exceptions: set[str], aliases: Mapping[str, ir.Type]) -> tuple[str, ir.Type] | None:
    """`Vector = list[float]` or `Vector: TypeAlias = ...` at module level: (name, type), or None
    when the statement is not a type alias. Only a generic subscript (list[...], dict[...],
    Optional[...], ...) or an explicit TypeAlias counts: `Number = int` stays a variable.
    Raises AnnotationError for an alias of an unsupported type."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
        return None
    x = stmt.body[0]
    if isinstance(x, cst.Assign) and len(x.targets) == 1 and isinstance(x.targets[0].target, cst.Name):
        v = x.value
        base = v.value if isinstance(v, cst.Subscript) else None
        name = base.value if isinstance(base, cst.Name) else base.attr.value if isinstance(base, cst.Attribute) else None
        if name in _GENERIC:
            return x.targets[0].target.value, parse_annotation(v, exceptions, aliases)
        return None
    if isinstance(x, cst.AnnAssign) and isinstance(x.target, cst.Name) and x.value is not None:
        a = x.annotation.annotation
        if (isinstance(a, cst.Name) and a.value == "TypeAlias") or \
                (isinstance(a, cst.Attribute) and a.attr.value == "TypeAlias"):
            return x.target.value, parse_annotation(x.value, exceptions, aliases)
    return None


def _callable_annotation(node: cst.Subscript, exceptions: set[str],
                         aliases: Mapping[str, ir.Type] | None) -> ir.Type:
    els = [el.slice for el in node.slice]
    if len(els) != 2 or not all(isinstance(e, cst.Index) for e in els):
        raise AnnotationError(node, "give the parameter and return types: `Callable[[int, int], int]`")
    params, ret = els[0].value, els[1].value  # type: ignore[attr-defined]
    if not isinstance(params, cst.List):
        raise AnnotationError(node, "`Callable[..., T]` is not supported: list the parameter types, "
                              "`Callable[[int, int], int]`")
    ps = tuple(parse_annotation(e.value, exceptions, aliases) for e in params.elements)
    return ir.FuncT(ps, parse_annotation(ret, exceptions, aliases))


def _hashable_key(t: ir.Type) -> bool:
    """A key type the runtime can hash (no float: Rust's f64 is neither Eq nor Hash)."""
    if t == ir.FLOAT or isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT, ir.FuncT)):
        return False
    if isinstance(t, ir.UnionT):  # scalars only (an `Obj` hashes 1, 1.0 and True alike)
        return bool(t.members) and all(isinstance(m, ir.Prim) for m in t.members)
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        return all(_hashable_key(i) for i in t.items)
    if isinstance(t, ir.OptionT):
        return _hashable_key(t.inner)
    return True


def stable_hash(t: T) -> bool:
    """Whether CPython's hash of values of type t is the same in every process (ints, bools and
    tuples of them): then a set of them iterates in CPython's order, which the runtime's set
    table reproduces (pyrt/set.rs). str is salted per process, None and objects hash by address."""
    t = prune(t)
    if t in (ir.INT, ir.BOOL):
        return True
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        return all(stable_hash(i) for i in t.items)
    return False


def set_order_unknown(t: T) -> bool:
    """Whether a value of type t holds a set whose order CPython decides by hashes that differ
    from run to run (`set-iteration-order`)."""
    return any(isinstance(x, ir.SetT) and not stable_hash(x.elem) for x in ir.type_parts(resolve(t)))
