"""Class protocols beyond the core of `analyzers.classes`: abstract base classes
(`abc.ABC`, `ABCMeta`, `@abstractmethod`) and `functools.total_ordering`.

Owns: the `abc`/`functools`/`operator` imports (`operator.itemgetter`/`attrgetter` are key=
functions: analyzers/builtins.py `operator_getter`); which bases and keywords of a `class` statement stand for
`ABC`/`ABCMeta` (they are not bases Portalis models: `ABC` defines nothing an instance can
use, so single inheritance stays single); the abstract methods of a class, computed as CPython's
`ABCMeta.__new__` computes `__abstractmethods__`, and the TypeError `object.__new__` raises
for them; the comparison methods `@total_ordering` adds, written out as Python following
CPython 3.11's `functools` (like `analyzers.dataclass`), then collected like any other method.
Must not emit Rust.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

_ABC_NAMES = ("ABC", "ABCMeta", "abstractmethod")
_FUNCTOOLS_NAMES = ("total_ordering", "cache", "lru_cache")
_OPERATOR_NAMES = ("itemgetter", "attrgetter")  # as key= functions: analyzers/builtins.py `key_fn`
_MODULES = {"abc": _ABC_NAMES, "functools": _FUNCTOOLS_NAMES, "operator": _OPERATOR_NAMES}


def collect_import(ml: Any, x: cst.CSTNode) -> bool:
    """`import abc`, `import functools`, `import operator`, `from abc import ...`, `from functools
    import total_ordering, cache, lru_cache`, `from operator import itemgetter, attrgetter` (True: handled,
    diagnosed if unsupported)."""
    info = ml.info
    if isinstance(x, cst.Import):
        names = [cst.Module([]).code_for_node(a.name) for a in x.names]
        if not names or not all(n in _MODULES for n in names):
            return False
        for a in x.names:
            if a.asname is not None:
                ml.diag("unsupported-import", f"`import {a.evaluated_name} as ...` is not supported", x)
                return True
        info.imports.update(names)
        return True
    if isinstance(x, cst.ImportFrom) and x.module is not None and not x.relative:
        mod = cst.Module([]).code_for_node(x.module)
        if mod not in _MODULES:
            return False
        allowed = _MODULES[mod]
        if isinstance(x.names, cst.ImportStar):
            ml.diag("unsupported-import", "`import *` is not supported", x)
            return True
        for a in x.names:
            if a.evaluated_name not in allowed:
                ml.diag("unsupported-import", f"`{mod}.{a.evaluated_name}` is not supported (only "
                        f"{', '.join(allowed)})", a)
                continue
            info.from_imports[a.evaluated_alias or a.evaluated_name] = (mod, a.evaluated_name)
            info.imports.add(mod)
        return True
    return False


def names(info: Any, e: cst.BaseExpression, mod: str, name: str) -> bool:
    """Whether expression e stands for `mod.name` (imported either way)."""
    if isinstance(e, cst.Name):
        return info.from_imports.get(e.value) == (mod, name)
    return (isinstance(e, cst.Attribute) and isinstance(e.value, cst.Name) and e.value.value == mod
            and e.attr.value == name and mod in info.imports)


# ---------------------------------------------------------------- abstract base classes


def abc_parts(info: Any, c: cst.ClassDef) -> tuple[list[cst.Arg], list[cst.Arg], bool]:
    """(the bases other than `ABC`, the keywords other than `metaclass=ABCMeta`, whether the
    class statement makes it an ABC)."""
    bases, kws, meta = [], [], False
    for a in c.bases:
        if a.keyword is None and not a.star and names(info, a.value, "abc", "ABC"):
            meta = True
        else:
            bases.append(a)
    for a in c.keywords:
        if a.keyword is not None and a.keyword.value == "metaclass" and names(info, a.value, "abc", "ABCMeta"):
            meta = True
        else:
            kws.append(a)
    return bases, kws, meta


def strip_abstract(info: Any, decorators: list[cst.Decorator]) -> tuple[list[cst.Decorator], bool] | None:
    """A method's decorators without an innermost `@abstractmethod` (and whether it was there);
    None when `@abstractmethod` is not the innermost one (not modelled)."""
    ds = list(decorators)
    found = [i for i, d in enumerate(ds) if names(info, d.decorator, "abc", "abstractmethod")]
    if not found:
        return ds, False
    if found != [len(ds) - 1]:
        return None
    return ds[:-1], True


def abstract_methods(info: Any, c: str) -> set[str]:
    """CPython's `C.__abstractmethods__` (ABCMeta.__new__): the class's own abstract methods,
    and every abstract method of an ABC base that C still resolves to an abstract one. Empty
    for a class without ABCMeta (there `@abstractmethod` changes nothing)."""
    from portalis.analyzers.classes import resolve
    ci = info.classes[c]
    if not ci.abc_meta:
        return set()
    out = set(ci.abstract)
    if ci.base is not None:
        for m in abstract_methods(info, ci.base):
            r = resolve(info, c, m)
            if r is not None and m in info.classes[r[0]].abstract:
                out.add(m)
    return out


def abstract_error(info: Any, c: str) -> str | None:
    """The message of the TypeError CPython 3.11 raises when C is instantiated, if it has
    abstract methods (sorted, as `object_new` sorts them)."""
    ms = sorted(abstract_methods(info, c))
    if not ms:
        return None
    return (f"Can't instantiate abstract class {c} with abstract method{'s' if len(ms) > 1 else ''} "
            + ", ".join(ms))


# ---------------------------------------------------------------- functools.total_ordering

# CPython 3.11 functools._convert: for each root, the methods it derives and their expressions
# (`r` is the root's result, `self`/`other` the operands)
_CONVERT = {
    "__lt__": [("__gt__", "not r and self != other"), ("__le__", "r or self == other"), ("__ge__", "not r")],
    "__le__": [("__ge__", "not r or self == other"), ("__lt__", "r and self != other"), ("__gt__", "not r")],
    "__gt__": [("__lt__", "not r and self != other"), ("__ge__", "r or self == other"), ("__le__", "not r")],
    "__ge__": [("__le__", "(not r) or self == other"), ("__gt__", "r and self != other"), ("__lt__", "not r")],
}


def is_total_ordering(info: Any, d: cst.Decorator) -> bool:
    return names(info, d.decorator, "functools", "total_ordering")


def total_ordering_methods(ml: Any, c: cst.ClassDef, body: list, base: str | None,
                           anchor: cst.CSTNode) -> list[cst.FunctionDef] | None:
    """The methods `@total_ordering` adds to class c (body: its statements, base: its user base
    class), as CPython 3.11's functools writes them; None (diagnosed) if CPython raises."""
    from portalis.analyzers.classes import resolve
    from portalis.analyzers.dataclass import _place
    own = {s.name.value: s for s in body if isinstance(s, cst.FunctionDef)}
    roots = {op for op in _CONVERT if op in own or (base is not None and resolve(ml.info, base, op) is not None)}
    if not roots:
        ml.diag("unsupported-class", "@total_ordering needs at least one ordering method (< > <= >=): CPython "
                "raises ValueError", anchor)
        return None
    root = max(roots)  # CPython prefers __lt__, then __le__, __gt__, __ge__
    ann = ""
    src = own.get(root)
    if src is not None and len(src.params.params) == 2 and src.params.params[1].annotation is not None:
        ann = ": " + cst.Module([]).code_for_node(src.params.params[1].annotation.annotation)
    out = []
    for m, expr in _CONVERT[root]:
        if m in roots:
            continue
        text = (f"def {m}(self, other{ann}):\n"
                f"    r = self.{root}(other)\n"
                f"    if r is NotImplemented:\n"
                f"        return r\n"
                f"    return {expr}\n")
        fn = cst.parse_statement(text)
        assert isinstance(fn, cst.FunctionDef)
        _place(ml, fn, anchor)
        out.append(fn)
    return out


def raising(msg: str, ty: Any, args: tuple, sp: Any) -> Any:
    """An expression of type ty that evaluates args (for their effects) and raises
    `TypeError(msg)` (`raise_as`, see codegen/emit/intrinsics.py)."""
    from portalis import ir
    exc = ir.NewExc("TypeError", (ir.Const(msg, ir.STR, sp),), ir.ExcT("TypeError"), sp)
    r = ir.Intrinsic("raise_as", (exc,), ty, sp)
    if not args:
        return r
    return ir.Intrinsic("eval_then", (ir.TupleLit(tuple(args), ir.TupleT(tuple(a.ty for a in args)), sp), r), ty, sp)


# ---------------------------------------------------------------- NotImplemented
#
# `return NotImplemented` in an operator method is not a value here: it raises a signal
# (`rt::notimpl_signal`) that no `except` catches. The operator that called the method takes it
# (`ni.op`, emitted by codegen/emit/protocols.py) and goes on as CPython does: the reflected
# method, then identity for ==/!= or CPython's TypeError. Since no value is ever
# NotImplemented, `x is NotImplemented` is False; a direct call of a method that may return it
# (whose result CPython would hand to the caller) is refused, except in the methods
# @total_ordering writes, which only pass it on.


def _ni_dunders() -> set[str]:
    from portalis.analyzers.classes import BINARY_DUNDERS, COMPARE_DUNDERS, INPLACE_DUNDERS
    return {m for pair in (*BINARY_DUNDERS.values(), *COMPARE_DUNDERS.values()) for m in pair} | set(INPLACE_DUNDERS.values())


def is_notimpl(node: Any) -> bool:
    return isinstance(node, cst.Name) and node.value == "NotImplemented"


def returns_notimpl(fn: cst.FunctionDef) -> bool:
    """Whether a method's body has `return NotImplemented` (outside nested functions)."""
    found = [False]

    class V(cst.CSTVisitor):
        def visit_Return(self, node: cst.Return) -> None:
            if is_notimpl(node.value):
                found[0] = True

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is fn

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

    fn.visit(V())
    return found[0]


def may_notimpl(info: Any, t: Any, m: str) -> bool:
    """Whether calling m on a t (any class it may be at run time) may return NotImplemented."""
    from portalis import ir
    from portalis.analyzers.classes import mro, subclasses
    from portalis.analyzers.types import prune
    t = prune(t)
    if not isinstance(t, ir.ObjT) or t.name not in info.classes:
        return False
    return any(m in info.classes[k].notimpl for k in {*mro(info, t.name), *subclasses(info, t.name)})


def in_derived(lw: Any) -> bool:
    """Lowering a method @total_ordering wrote."""
    o = lw.owner
    return o is not None and o in lw.info.classes and method_of(lw.fname) in lw.info.classes[o].derived


def return_notimpl(lw: Any, node: cst.Return) -> list:
    from portalis import ir
    sp = lw.sp(node)
    m = method_of(lw.fname) if lw.owner is not None else ""
    if m not in _ni_dunders():
        lw.err("unsupported-class", "`return NotImplemented` is supported in operator methods only (`__add__`, "
               "`__eq__`, `__lt__`, ...): CPython hands the value to the caller, which Portalis does not model", node)
        return []
    sig = ir.Intrinsic("ni.signal", (ir.Const(lw.fname, ir.STR, sp),), ir.ExcT("BaseException"), sp)
    return [ir.Raise(sig, None, sp)]


def notimpl_name(lw: Any, node: cst.Name) -> Any:
    return lw.err("unsupported-class", "`NotImplemented` is supported only as `return NotImplemented` in an operator "
                  "method (and in `x is NotImplemented`, which is False: no value here is NotImplemented)", node)


def notimpl_test(lw: Any, node: cst.Comparison) -> Any:
    """`x is NotImplemented` / `x is not NotImplemented` (one comparison): x evaluated, then
    False / True (see above), or None when node is not such a test."""
    from portalis import ir
    if len(node.comparisons) != 1 or not isinstance(node.comparisons[0].operator, (cst.Is, cst.IsNot)):
        return None
    if not is_notimpl(node.comparisons[0].comparator) or is_notimpl(node.left):
        return None
    x = lw.expr(node.left)
    sp = lw.sp(node)
    return ir.Intrinsic("eval_then", (x, ir.Const(isinstance(node.comparisons[0].operator, cst.IsNot), ir.BOOL, sp)),
                        ir.BOOL, sp)


def direct_call_refused(lw: Any, t: Any, m: str, node: cst.CSTNode) -> bool:
    """A direct call `x.__eq__(y)` / `super().__lt__(y)` of a method that may return
    NotImplemented (diagnosed; True) outside the methods @total_ordering writes."""
    if may_notimpl(lw.info, t, m) and not in_derived(lw):
        lw.err("unsupported-class", f"`{m}` may return NotImplemented, which a direct call would hand to this code: "
               "not supported (use the operator, which tries the reflected method)", node)
        return True
    return False


def _type_name(t: Any, x: Any) -> Any:
    """CPython's name of the type of x (the run-time class of an object)."""
    from portalis import ir
    from portalis.analyzers import none_errors as ne
    if isinstance(t, ir.ObjT):
        return ir.Intrinsic("obj.type_name", (x,), ir.STR, x.span)
    if isinstance(t, ir.DictT):  # `collections.defaultdict` for one
        return ir.Intrinsic("dict.qual_type_name", (x,), ir.STR, x.span)
    return ir.Const(ne.type_name(t), ir.STR, x.span)


def _static_name(t: Any) -> str:
    from portalis.analyzers import none_errors as ne
    return ne.type_name(t)


def _concat(parts: list, sp: Any) -> Any:
    from portalis import ir
    out = parts[0]
    for p in parts[1:]:
        out = ir.BinOp("+", out, p, ir.STR, sp)
    return out


def _operands(lw: Any, a: Any, b: Any, sp: Any) -> tuple:
    from portalis import ir
    from portalis.analyzers.types import prune
    ln, col = sp.line, sp.col
    la = ir.Local(ir.hidden("nil", ln, col), prune(a.ty), sp)
    rb = ir.Local(ir.hidden("nir", ln, col), prune(b.ty), sp)
    return la, rb


def ni_binop(lw: Any, op: str, left: Any, right: Any, lt: Any, rt: Any, node: cst.CSTNode, inplace: bool,
             names: tuple | None = None) -> Any:
    """`left op right` when a method it calls may return NotImplemented (None otherwise):
    CPython's slot function: `left.__op__(right)`, then, if the operands' classes differ,
    `right.__rop__(left)`, then TypeError."""
    from portalis import ir
    from portalis.analyzers.classes import BINARY_DUNDERS
    from portalis.analyzers.types import prune
    m, rm = BINARY_DUNDERS[op]
    if not (may_notimpl(lw.info, lt, m) or may_notimpl(lw.info, rt, rm)):
        return None
    sp = lw.sp(node)
    la, rb = names or _operands(lw, left, right, sp)
    first = lw._call_lowered(lt, m, [la, rb], node) if lw._has(lt, m) else None
    second = lw._call_lowered(rt, rm, [rb, la], node) if lw._has(rt, rm) else None
    calls = [c for c in (first, second) if c is not None]
    ty = prune(calls[0].ty)
    if any(prune(c.ty) != ty for c in calls):
        return None
    shown = op + ("=" if inplace else "")
    seq = lambda t: t == ir.STR or isinstance(t, (ir.ListT, ir.TupleT))  # noqa: E731
    if op == "+" and seq(lt):  # then CPython tries the sequence's concatenation
        name = ir.Const(_static_name(lt), ir.STR, sp)
        msg = _concat([ir.Const("can only concatenate ", ir.STR, sp), name, ir.Const(' (not "', ir.STR, sp),
                       _type_name(rt, rb), ir.Const('") to ', ir.STR, sp), name], sp)
    elif op == "*" and (seq(lt) or seq(rt)):  # ... or its repetition
        msg = _concat([ir.Const("can't multiply sequence by non-int of type '", ir.STR, sp),
                       _type_name(rt, rb) if seq(lt) else _type_name(lt, la), ir.Const("'", ir.STR, sp)], sp)
    else:
        msg = _concat([ir.Const(f"unsupported operand type(s) for {shown}: '", ir.STR, sp), _type_name(lt, la),
                       ir.Const("' and '", ir.STR, sp), _type_name(rt, rb), ir.Const("'", ir.STR, sp)], sp)
    final = raising_expr(msg, ty, sp)
    # the reflected method is tried only when the classes differ (SLOT1BINFULL)
    from portalis.analyzers.classes import root_of
    same = isinstance(lt, ir.ObjT) and isinstance(rt, ir.ObjT) and root_of(lw.info, lt.name) == root_of(lw.info, rt.name)
    return _ni_node(left, right, la, rb, first, second, final, ty, sp, "tags_differ" if same else "always")


def ni_compare(lw: Any, op: str, a: Any, b: Any, ta: Any, tb: Any, node: cst.CSTNode) -> Any:
    """`a op b` (op a comparison) when a method it calls may return NotImplemented (None
    otherwise): CPython's do_richcompare: `a.__op__(b)`, then `b.__reflected__(a)`, then
    identity for ==/!=, TypeError for orderings."""
    from portalis import ir
    from portalis.analyzers.classes import COMPARE_DUNDERS
    from portalis.analyzers.types import TVar, prune
    if op in ("==", "!="):
        if op == "!=" and (lw._has(ta, "__ne__") or lw._has(tb, "__ne__")):
            if may_notimpl(lw.info, ta, "__ne__") or may_notimpl(lw.info, tb, "__ne__"):
                lw.err("unsupported-class", "`!=` with a `__ne__` that may return NotImplemented is not supported", node)
                from portalis.analyzers.types import TVar
                return ir.Const(None, TVar("error"), lw.sp(node))
            return None
        m = rm = "__eq__"
    else:
        m, rm = COMPARE_DUNDERS[op]
    swap = swap_pairs(lw.info, ta, tb, rm)
    if not (may_notimpl(lw.info, ta, m) or may_notimpl(lw.info, tb, rm) or swap):
        return None
    sp = lw.sp(node)
    la, rb = _operands(lw, a, b, sp)
    first = lw._call_lowered(ta, m, [la, rb], node) if lw._has(ta, m) else None
    second = lw._call_lowered(tb, rm, [rb, la], node) if lw._has(tb, rm) else None
    calls = [c for c in (first, second) if c is not None]
    if any(not isinstance(prune(c.ty), TVar) and prune(c.ty) != ir.BOOL for c in calls):
        return None
    if op in ("==", "!="):
        both = isinstance(ta, ir.ObjT) and isinstance(tb, ir.ObjT)
        final = ir.Compare(("is",), (la, rb), ir.BOOL, sp) if both else ir.Const(False, ir.BOOL, sp)
        r = _ni_node(a, b, la, rb, first, second, final, ir.BOOL, sp, "always", swap)
        return ir.UnaryOp("not", r, ir.BOOL, sp) if op == "!=" else r
    msg = _concat([ir.Const(f"'{op}' not supported between instances of '", ir.STR, sp), _type_name(ta, la),
                   ir.Const("' and '", ir.STR, sp), _type_name(tb, rb), ir.Const("'", ir.STR, sp)], sp)
    return _ni_node(a, b, la, rb, first, second, raising_expr(msg, ir.BOOL, sp), ir.BOOL, sp, "always", swap)


def swap_pairs(info: Any, ta: Any, tb: Any, rm: str) -> str:
    """CPython's do_richcompare tries the reflected method first when the right operand's class
    is a proper subclass of the left's and has it (user-defined): the (left tag, right tag)
    pairs where that can happen, as `matches!` patterns ("" if none)."""
    from portalis import ir
    from portalis.analyzers.classes import is_subclass, resolve, root_of, subclasses
    from portalis.analyzers.types import prune
    ta, tb = prune(ta), prune(tb)
    if not (isinstance(ta, ir.ObjT) and isinstance(tb, ir.ObjT) and ta.name in info.classes and tb.name in info.classes
            and root_of(info, ta.name) == root_of(info, tb.name)):
        return ""
    pairs = []
    for x in subclasses(info, ta.name):
        for y in subclasses(info, tb.name):
            r = resolve(info, y, rm)
            if y != x and is_subclass(info, y, x) and r is not None and r[1] == "method":
                pairs.append(f"({info.classes[x].tag}, {info.classes[y].tag})")
    return " | ".join(pairs)


def raising_expr(msg: Any, ty: Any, sp: Any) -> Any:
    from portalis import ir
    exc = ir.NewExc("TypeError", (msg,), ir.ExcT("TypeError"), sp)
    return ir.Intrinsic("raise_as", (exc,), ty, sp)


def _ni_node(a: Any, b: Any, la: Any, rb: Any, first: Any, second: Any, final: Any, ty: Any, sp: Any,
             reflect: str, swap: str = "") -> Any:
    from portalis import ir
    none = ir.Const(None, ir.NONE, sp)
    return ir.Intrinsic("ni.op", (a, b, first or none, second or none, final), ty, sp,
                        (("names", ir.Const(f"{la.name};{rb.name}", ir.STR, sp)),
                         ("reflect", ir.Const(reflect, ir.STR, sp)), ("swap", ir.Const(swap, ir.STR, sp))))


def is_object(ann: Any) -> bool:
    """An annotation `object` (an operator method's `other`)."""
    return isinstance(ann, cst.Name) and ann.value == "object"


def root_may_notimpl(info: Any, ci: Any, body: list) -> bool:
    """Whether the ordering method a @total_ordering class derives its others from may return
    NotImplemented (then so may they: they pass it on)."""
    from portalis.analyzers.classes import resolve
    own = {s.name.value: s for s in body if isinstance(s, cst.FunctionDef)}
    for root in ("__lt__", "__le__", "__gt__", "__ge__"):
        if root in own and root not in ci.derived:
            return returns_notimpl(own[root])
        r = resolve(info, ci.base, root) if ci.base is not None else None
        if r is not None:
            return root in info.classes[r[0]].notimpl
    return False


# ---------------------------------------------------------------- __call__


def call_object(lw: Any, f: cst.BaseExpression, node: cst.Call, pos: list, kw: dict) -> Any:
    """`obj(args)` for a variable or field holding an object whose class has `__call__`
    (None: not such an object; the caller reports)."""
    from portalis import ir
    from portalis.analyzers.classes import resolve
    from portalis.analyzers.types import TVar, prune
    obj = lw.expr(f)
    t = prune(obj.ty)
    if isinstance(t, TVar):
        return obj if t.origin == "error" else lw.unknown(lw.sp(node))
    if not isinstance(t, ir.ObjT) or t.name not in lw.info.classes:
        return None
    if lw.refused_class(t.name):
        return lw.poison(node)
    r = resolve(lw.info, t.name, "__call__")
    if r is None or r[1] != "method":
        return lw.err("type-mismatch", f"'{t.name}' object is not callable", node)
    return lw.method_call_ir(obj, t, "__call__", r, pos, node, kw)


# ---------------------------------------------------------------- __iter__
#
# `__iter__` returning `iter(X)`, or a generator that only yields X's items (`yield from X`,
# `for v in X: yield v`), is rewritten to return X itself: iterating an object is then
# iterating X, which is what CPython's iterator over X does (a list iterator sees the list's
# later changes, like Portalis' loops). X must be a list, dict, set, str or tuple.


def rewrite_iter(ml: Any, fn: cst.FunctionDef) -> cst.FunctionDef | None:
    """`__iter__` as a method returning the container it iterates (None: another form)."""
    from portalis.analyzers.lower import _is_doc_or_pass
    stmts = list(fn.body.body) if isinstance(fn.body, cst.IndentedBlock) else []
    stmts = [s for s in stmts if not (_is_doc_or_pass(s) and not any(isinstance(x, cst.Pass) for x in s.body))]
    if len(stmts) != 1 or len(fn.params.params) != 1:
        return None
    s = stmts[0]
    x = s.body[0] if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1 else None
    src = None
    if isinstance(x, cst.Return) and isinstance(x.value, cst.Call) and isinstance(x.value.func, cst.Name) \
            and x.value.func.value == "iter" and len(x.value.args) == 1 and x.value.args[0].keyword is None \
            and not x.value.args[0].star:
        src = x.value.args[0].value
    elif isinstance(x, cst.Expr) and isinstance(x.value, cst.Yield) and isinstance(x.value.value, cst.From):
        src = x.value.value.item
    elif isinstance(s, cst.For) and s.orelse is None and s.asynchronous is None and isinstance(s.target, cst.Name) \
            and isinstance(s.body, cst.IndentedBlock) and len(s.body.body) == 1:
        y = s.body.body[0]
        y = y.body[0] if isinstance(y, cst.SimpleStatementLine) and len(y.body) == 1 else None
        if isinstance(y, cst.Expr) and isinstance(y.value, cst.Yield) and isinstance(y.value.value, cst.Name) \
                and y.value.value.value == s.target.value:
            src = s.iter
    if src is None:
        return None
    view = ""
    if isinstance(src, cst.Call) and isinstance(src.func, cst.Attribute) and not src.args \
            and src.func.attr.value in ("items", "keys", "values"):  # a dict view: the dict, viewed where iterated
        view, src = src.func.attr.value, src.func.value
    ml.info.classes[fn_owner(ml, fn)].iter_view = view
    ret = cst.Return(value=src)
    line = cst.SimpleStatementLine(body=[ret])
    block = cst.IndentedBlock(body=[line])
    new = fn.with_changes(body=block, returns=None)
    sp = ml.sm.span(s)
    for n in (ret, line, block):
        ml.sm._spans[n] = sp
    ml.sm._spans[new] = ml.sm.span(fn)
    return new


def fn_owner(ml: Any, fn: cst.FunctionDef) -> str:
    """The class whose body holds method fn (being collected: the last class recorded)."""
    return next(reversed(ml.info.classes))


def obj_iterated(lw: Any, it: Any) -> Any:
    """Iterating an object: the container its `__iter__` returns (see above)."""
    from portalis import ir
    from portalis.analyzers.classes import is_subclass, resolve, subclasses
    from portalis.analyzers.types import TVar, prune, show
    t = prune(it.ty)
    if lw.refused_class(t.name):
        return ir.Const(None, TVar("error"), it.span)
    r = resolve(lw.info, t.name, "__iter__")
    if r is None or r[1] != "method":
        lw.err_at("type-mismatch", f"'{t.name}' object is not iterable (define `__iter__`)", it.span)
        return ir.Const(None, TVar("error"), it.span)
    definer, _, func = r
    sig = lw.info.funcs[func]
    dispatch = t.name if any("__iter__" in lw.info.classes[k].methods for k in subclasses(lw.info, t.name)
                             if k != definer and not is_subclass(lw.info, definer, k)) else None
    pt = sig.params[0][1]
    arg = it if prune(pt) == t else ir.Coerce(it, pt, it.span)
    if sig.generator:  # a generator `__iter__`: a call each loop makes (analyzers/generators.py)
        if any(not lw.info.funcs[f].generator for k in {*subclasses(lw.info, t.name), definer}
               for f in [lw.info.classes[k].methods.get("__iter__")] if f is not None):
            lw.err_at("unsupported-class", f"the `__iter__` methods of `{t.name}`'s classes are generators and "
                      "other forms at once", it.span)
            return ir.Const(None, TVar("error"), it.span)
        return ir.Call(func, (arg,), sig.ret, it.span, dispatch)
    ret = prune(sig.ret)
    if isinstance(ret, ir.ObjT):
        lw.err_at("unsupported-class", f"`{t.name}` iterates through an iterator object (`__next__`): supported in "
                  "`for` statements only (not in comprehensions, list(), sum(), `in`, unpacking, ...)", it.span)
        return ir.Const(None, TVar("error"), it.span)
    if not isinstance(ret, (TVar, ir.ListT, ir.DictT, ir.SetT, ir.TupleT)) and ret != ir.STR:
        lw.err_at("unsupported-class", f"`{func}` must iterate a list, dict, set, str or tuple (it returns "
                  f"iter() of a {show(ret)})", it.span)
        return ir.Const(None, TVar("error"), it.span)
    call = ir.Call(func, (arg,), sig.ret, it.span, dispatch)
    views = {lw.info.classes[k].iter_view for k in {*subclasses(lw.info, t.name), definer}
             if "__iter__" in lw.info.classes[k].methods}
    if len(views) > 1:
        lw.err_at("unsupported-class", f"the `__iter__` methods of `{t.name}`'s classes iterate different dict views",
                  it.span)
        return ir.Const(None, TVar("error"), it.span)
    view = views.pop() if views else ""
    if view and isinstance(ret, ir.DictT):
        el = {"items": ir.TupleT((ret.key, ret.val)), "keys": ret.key, "values": ret.val}[view]
        return ir.Intrinsic(f"dict.{view}", (call,), ir.IterT(el, view), it.span)
    if view and not isinstance(ret, TVar):
        lw.err_at("unsupported-class", f"`{func}` iterates `.{view}()` of a {show(ret)}", it.span)
        return ir.Const(None, TVar("error"), it.span)
    return call


# ---------------------------------------------------------------- in-place operators


def inplace_binop(lw: Any, op: str, left: Any, right: Any, lt: Any, rt: Any, node: cst.CSTNode) -> Any:
    """`left op= right` when left's class has `__iop__` (None otherwise): its result is what the
    target is bound to; if it may return NotImplemented, CPython goes on with `left op right`
    (binary_iop1), on the same operand values."""
    from portalis import ir
    from portalis.analyzers.classes import INPLACE_DUNDERS
    m = INPLACE_DUNDERS.get(op)
    if m is None or not lw._has(lt, m):
        return None
    if not may_notimpl(lw.info, lt, m):
        return lw._call_lowered(lt, m, [left, right], node)
    sp = lw.sp(node)
    la, rb = _operands(lw, left, right, sp)
    first = lw._call_lowered(lt, m, [la, rb], node)
    la2 = ir.Local(la.name + "#i", la.ty, sp)
    rb2 = ir.Local(rb.name + "#i", rb.ty, sp)
    fallback = lw.obj_binop(op, la, rb, lt, rt, node, False) if not ni_possible(lw, op, lt, rt) else \
        ni_binop(lw, op, la, rb, lt, rt, node, True, (la2, rb2))
    from portalis.analyzers.types import prune
    if prune(fallback.ty) != prune(first.ty):
        return None
    return _ni_node(left, right, la, rb, first, None, fallback, prune(first.ty), sp, "always")


def ni_possible(lw: Any, op: str, lt: Any, rt: Any) -> bool:
    from portalis.analyzers.classes import BINARY_DUNDERS
    m, rm = BINARY_DUNDERS[op]
    return may_notimpl(lw.info, lt, m) or may_notimpl(lw.info, rt, rm)


# ---------------------------------------------------------------- __format__


def format_field(lw: Any, e: Any, conv: str, spec: Any, node: cst.CSTNode) -> tuple:
    """An f-string field (or `format(x, spec)`) of an object whose class has `__format__`:
    `type(x).__format__(x, spec)` (the spec's text, "" without one), whose str is the field.
    Other fields are returned unchanged (expr, conversion, spec)."""
    from portalis import ir
    from portalis.analyzers.types import TVar, prune
    t = prune(e.ty)
    if not conv and isinstance(t, ir.OptionT):
        return _format_optional(lw, e, t, spec, node)
    if conv or not isinstance(t, ir.ObjT) or t.name not in lw.info.classes:
        return e, conv, spec
    if not lw._has(t, "__format__"):
        from portalis.analyzers.classes import defines_anywhere
        if defines_anywhere(lw.info, t.name, "__format__"):
            # a subclass's `__format__` runs for its objects where CPython formats a `t`; only
            # the class's own (or a base's) is dispatched
            lw.err("unsupported-class", f"formatting a `{t.name}` depends on `__format__`, which only some of its "
                   "subclasses define: not supported", node)
        return e, conv, spec
    text = spec if spec is not None else ir.Const("", ir.STR, e.span)
    call = lw._call_lowered(t, "__format__", [e, text], node)
    rt = prune(call.ty)
    if not isinstance(rt, TVar) and rt != ir.STR:
        lw.err("type-mismatch", f"`{t.name}.__format__` must return str (CPython raises TypeError)", node)
    return call, "", None


def _format_optional(lw: Any, e: Any, t: Any, spec: Any, node: cst.CSTNode) -> tuple:
    """A field whose value is `F | None`, F with `__format__`: `F.__format__(x, spec)` where x is
    an F, `format(None, spec)` where it is None ("None", TypeError for a non-empty spec), as
    `x.__format__` dispatches in CPython.  The value is read twice (the test, then the call), so
    only a value that reads the same both times is taken: a name, or a field of one."""
    from portalis import ir
    from portalis.analyzers.types import prune
    inner = prune(t.inner)
    if not (isinstance(inner, ir.ObjT) and inner.name in lw.info.classes and lw._has(inner, "__format__")):
        return e, "", spec
    if not reads_the_same(e):
        lw.err("unsupported-syntax", f"formatting a `{inner.name} | None` computed in the field (its class defines "
               "`__format__`): assign it to a name first", node)
        return e, "", spec
    present = ir.Coerce(e, inner, e.span, "unsupported format string passed to NoneType.__format__")
    call, _, _ = format_field(lw, present, "", spec, node)
    none = ir.FString((ir.FormatField(ir.Const(None, ir.NONE, e.span), "", spec),), ir.STR, e.span)
    test = ir.Compare(("is not",), (e, ir.Const(None, ir.NONE, e.span)), ir.BOOL, e.span)
    return ir.IfExp(test, call, none, ir.STR, e.span), "", None


def reads_the_same(e: Any) -> bool:
    """Whether evaluating ``e`` twice in a row gives the same value and runs no user code: a
    name, a constant, an object's field (or a None check of one)."""
    from portalis import ir
    if isinstance(e, (ir.Local, ir.Global, ir.Const)):
        return True
    if isinstance(e, (ir.GetAttr, ir.Coerce)):
        return reads_the_same(e.obj if isinstance(e, ir.GetAttr) else e.expr)
    return False


# ---------------------------------------------------------------- operator methods per operand type
#
# An operator method whose `other` is open (no annotation, or `object`) and that tests it
# (`isinstance(other, ...)`) or may return NotImplemented is lowered once per type of right
# operand the program uses (`P.__add__@int`, `P.__eq__@str`): in each copy `isinstance` is
# known, and only the branches that can run are lowered (a copy for int never reads
# `other.x`). A copy returns what the method returns (one return type).


def method_of(fname: str) -> str:
    """"C.m" or a copy "C.m@int" -> "m"."""
    return fname.split(".", 1)[-1].split("@", 1)[0]


def is_copy(lw: Any) -> bool:
    """Lowering an operator method that is lowered per operand type (or one of its copies)."""
    o = lw.owner
    return o is not None and o in lw.info.classes and method_of(lw.fname) in lw.info.classes[o].specializable


def note_specializable(ml: Any, ci: Any, fn: cst.FunctionDef) -> None:
    m = fn.name.value
    p = fn.params.params
    if m not in _ni_dunders() or len(p) != 2 or fn.decorators:
        return
    other = p[1]
    if other.annotation is not None and not is_object(other.annotation.annotation):
        return
    code = ml.sm.source_lines(fn)
    if returns_notimpl(fn) or f"isinstance({other.name.value}" in code.replace(" ", ""):
        ci.specializable.add(m)


def specialized(lw: Any, func: str, args: list) -> str:
    """The function an operator call of method `func` with these arguments uses: `func`, or
    its copy for the right operand's type (created here; lowered from the next pass on)."""
    import dataclasses
    from portalis import ir
    from portalis.analyzers.classes import is_subclass
    from portalis.analyzers.types import TVar, prune, show
    info = lw.info
    sig = info.funcs.get(func)
    if sig is None or sig.owner is None or len(args) != 2 or len(sig.params) != 2 or "@" in func:
        return func
    if method_of(func) not in info.classes[sig.owner].specializable:
        return func
    pt, at = prune(sig.params[1][1]), prune(args[1].ty)
    if isinstance(pt, TVar) or isinstance(at, TVar) or pt == at or isinstance(at, (ir.UnionT, ir.OptionT)):
        return func
    if isinstance(pt, ir.ObjT) and isinstance(at, ir.ObjT) and at.name in info.classes and pt.name in info.classes \
            and is_subclass(info, at.name, pt.name):
        return func
    name = f"{func}@{show(at)}"
    if name not in info.funcs:
        info.funcs[name] = dataclasses.replace(sig, name=name, params=[sig.params[0], (sig.params[1][0], at)],
                                               source_hash=f"{sig.source_hash}@{show(at)}")
    return name


def _static(e: Any) -> bool | None:
    """The value of a condition known without running anything (None: not known)."""
    from portalis import ir
    if isinstance(e, ir.Const) and isinstance(e.value, bool):
        return e.value
    if isinstance(e, ir.Intrinsic) and e.name == "eval_then" and isinstance(e.args[0], (ir.Local, ir.Const)):
        return _static(e.args[1])
    if isinstance(e, ir.UnaryOp) and e.op == "not":
        v = _static(e.operand)
        return None if v is None else not v
    return None


def static_if(lw: Any, node: cst.If, c: Any) -> Any:
    """In an operator method's copy: an `if` whose condition is known, with only the branch
    that runs lowered (None: not known, or not a copy)."""
    from portalis import ir
    if not is_copy(lw):
        return None
    v = _static(c)
    if v is None:
        return None
    sp = lw.sp(node)
    if v:
        return ir.If(ir.Const(True, ir.BOOL, sp), lw.block(node.body), (), sp)
    if node.orelse is None:
        return ir.If(ir.Const(False, ir.BOOL, sp), (), (), sp)
    orelse = (lw.if_(node.orelse),) if isinstance(node.orelse, cst.If) else lw.block(node.orelse.body)
    return ir.If(ir.Const(False, ir.BOOL, sp), (), orelse, sp)


def _exits(stmts: tuple) -> bool:
    from portalis import ir
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, (ir.Return, ir.Raise)):
        return True
    if isinstance(last, ir.If) and isinstance(last.cond, ir.Const):
        return _exits(last.body if last.cond.value else last.orelse)
    return False


def ends_block(lw: Any, out: list) -> bool:
    """In a copy: the statements lowered so far always leave the function (the rest of the
    block cannot run, and is not lowered)."""
    return is_copy(lw) and bool(out) and _exits((out[-1],))


# ---------------------------------------------------------------- iterator classes (`__next__`)


def next_loop(lw: Any, node: cst.For, it0: Any) -> list | None:
    """`for x in obj` where `obj.__iter__()` gives an object with `__next__` (None otherwise):
        _it = obj.__iter__(); _go = True
        while _go:
            try: _v = _it.__next__()
            except StopIteration: _go = False
            else: x = _v; BODY
        else: ORELSE
    (the loop's `else` runs when `__next__` raised StopIteration, as in CPython)."""
    from portalis import ir
    from portalis.analyzers.classes import resolve
    from portalis.analyzers.types import TVar, prune, unify
    t = prune(it0.ty)
    if not isinstance(t, ir.ObjT) or t.name not in lw.info.classes or lw.refused_class(t.name):
        return None
    r = resolve(lw.info, t.name, "__iter__")
    sp = lw.sp(node)
    if r is None and lw._has(t, "__getitem__"):  # the sequence protocol: __getitem__(0), (1), ... until IndexError
        ret, get_it, stop = t, it0, "IndexError"
    else:
        if r is None or r[1] != "method":
            return None
        ret = prune(lw.info.funcs[r[2]].ret)
        if not isinstance(ret, ir.ObjT) or ret.name not in lw.info.classes or not lw._has(ret, "__next__"):
            return None
        get_it, stop = lw._call_lowered(t, "__iter__", [it0], node.iter), "StopIteration"
    label = lw.new_label()
    names = [ir.hidden(k, label) for k in ("nextit", "nextgo", "nextval", "nextexc", "nextidx")]
    itn, gon, valn, excn, idxn = names
    lw.locals.setdefault(itn, TVar("iterator"))
    unify(lw.locals[itn], ret)
    lw.locals.setdefault(gon, ir.BOOL)
    it_local = ir.Local(itn, ret, sp)
    bump: tuple = ()
    start: tuple = ()
    if stop == "IndexError":
        lw.locals.setdefault(idxn, ir.INT)
        idx = ir.NameTarget(idxn, ir.INT, False, sp)
        nxt = lw._call_lowered(ret, "__getitem__", [it_local, ir.Local(idxn, ir.INT, sp)], node.iter)
        start = (ir.Assign(idx, ir.Const(0, ir.INT, sp), sp),)
        bump = (ir.Assign(idx, ir.BinOp("+", ir.Local(idxn, ir.INT, sp), ir.Const(1, ir.INT, sp), ir.INT, sp), sp),)
    else:
        nxt = lw._call_lowered(ret, "__next__", [it_local], node.iter)
    el = nxt.ty
    lw.locals.setdefault(valn, TVar("next value"))
    unify(lw.locals[valn], el)
    tgt, value = lw.target(node.target, ir.Local(valn, el, sp), node.target)
    lw.loops.append(label)
    body = lw.block(node.body)
    lw.loops.pop()
    orelse = lw.block(node.orelse.body) if node.orelse is not None else ()
    go = ir.NameTarget(gon, ir.BOOL, False, sp)
    try_label = lw.new_label()
    step = ir.Try((ir.Assign(ir.NameTarget(valn, el, False, sp), nxt, sp),),
                  (ir.Handler((stop,), excn, (ir.Assign(go, ir.Const(False, ir.BOOL, sp), sp),), sp),),
                  (*bump, ir.Assign(tgt, value, sp), *body), (), try_label, sp)
    return [ir.Assign(ir.NameTarget(itn, ret, False, sp), get_it, sp), *start,
            ir.Assign(go, ir.Const(True, ir.BOOL, sp), sp),
            ir.While(ir.Local(gon, ir.BOOL, sp), (step,), label, sp, orelse)]


def returns_iterator(fn: cst.FunctionDef) -> bool:
    """`__iter__` returning an object (`return self`, `return CountIter(...)`): the iterator
    protocol, looped over by `next_loop`."""
    from portalis.analyzers.lower import _is_doc_or_pass
    stmts = list(fn.body.body) if isinstance(fn.body, cst.IndentedBlock) else []
    stmts = [s for s in stmts if not _is_doc_or_pass(s)]
    if len(stmts) != 1 or not isinstance(stmts[0], cst.SimpleStatementLine) or len(stmts[0].body) != 1:
        return False
    x = stmts[0].body[0]
    if not isinstance(x, cst.Return) or x.value is None:
        return False
    v = x.value
    return (isinstance(v, cst.Name) and v.value == "self") or (
        isinstance(v, cst.Call) and isinstance(v.func, cst.Name) and v.func.value != "iter")


# ---------------------------------------------------------------- sum() of objects


def obj_sum(lw: Any, node: cst.Call, it: Any, el: Any, start_node: Any) -> Any:
    """`sum(objs, start)`: `start + x1 + x2 ...` through the operators (`__add__`, `__radd__`,
    NotImplemented); without start CPython starts from the int 0 (`0 + x1` is `x1.__radd__(0)`),
    and an empty iterable gives 0, which the result type cannot hold: a limit at run time.
    (`obj.sum`: args (iterable, start or first step, step); codegen/emit/intrinsics.py.)"""
    from portalis import ir
    from portalis.analyzers.types import TVar, prune
    sp = lw.sp(node)
    accn, itemn = ir.hidden("sumacc", sp.line, sp.col), ir.hidden("sumitem", sp.line, sp.col)
    item = ir.Local(itemn, el, sp)
    if start_node is not None:
        start = lw.expr(start_node)
    else:
        start = lw.binop("+", ir.Const(0, ir.INT, sp), item, node)
    t = prune(start.ty)
    if isinstance(t, TVar):
        return start if t.origin == "error" else lw.unknown(sp)
    step = lw.binop("+", ir.Local(accn, t, sp), item, node)
    if isinstance(prune(step.ty), TVar):
        return step if prune(step.ty).origin == "error" else lw.unknown(sp)
    step = lw.coerce_to(step, t, node, "the running total of sum()")
    kws = (("names", ir.Const(f"{accn};{itemn}", ir.STR, sp)),
           ("no_start", ir.Const(start_node is None, ir.BOOL, sp)))
    return ir.Intrinsic("obj.sum", (it, start, step), t, sp, kws)
