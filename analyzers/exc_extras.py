"""Exception extras: `e.args` (printed, str()/repr(), len(), truth; its items' types are not known
statically, so it is not indexed), `type(x).__name__` (an exception's or object's class at run
time, any other value's static type name), and `raise X from Y` with Y any exception expression.

Expressions the lowering hands over; must not emit Rust.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers import none_errors as ne
from portalis.analyzers.types import TVar, prune, show


def builtin_type(fl: Any) -> bool:
    """`type` is the builtin here: not a name the program binds (a class of its own included)."""
    info = fl.info
    return (not fl.shadowed("type") and "type" not in info.exceptions and "type" not in info.enum_state.classes
            and "type" not in info.named_state.classes)


def is_type_name(fl: Any, node: cst.Attribute) -> bool:
    """`type(x).__name__` (with `type` the builtin)."""
    v = node.value
    return (node.attr.value == "__name__" and isinstance(v, cst.Call) and isinstance(v.func, cst.Name)
            and v.func.value == "type" and builtin_type(fl))


def type_name(fl: Any, node: cst.Attribute) -> ir.Expr:
    call = node.value
    sp = fl.sp(node)
    if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:  # type: ignore[attr-defined]
        return fl.err("unsupported-builtin", "`type(x).__name__` takes one argument", node)
    x = fl.expr(call.args[0].value)  # type: ignore[attr-defined]
    t = prune(x.ty)
    if isinstance(t, TVar):
        return fl.unknown(sp) if t.origin != "error" else x
    if isinstance(t, ir.ExcT):
        return ir.Intrinsic("exc.class_name", (x,), ir.STR, sp)
    if isinstance(t, ir.ObjT):  # the run-time class (analyzers/classes.py)
        return ir.Intrinsic("obj.type_name", (x,), ir.STR, sp)
    if isinstance(t, ir.DictT):  # a defaultdict is a dict to the type checker
        return ir.Intrinsic("dict.type_name", (x,), ir.STR, sp)
    if isinstance(t, (ir.UnionT, ir.OptionT)):  # the value's type at run time (analyzers/unions.py)
        return fl.type_name_of(x, node)
    if isinstance(t, (ir.Prim, ir.ListT, ir.DictT, ir.SetT, ir.TupleT, ir.EnumT, ir.NamedT, ir.ExcArgsT)):
        name = ir.Const(ne.type_name(t), ir.STR, sp)
        if isinstance(x, (ir.Local, ir.Const, ir.Global)) and t != ir.FLOAT:  # a float may be an int (numeric.py)
            return name
        return ir.Intrinsic("eval_then", (x, name), ir.STR, sp)
    return fl.err("unsupported-builtin", f"`type(...).__name__` of a {show(t)} value is not supported", node)


def args(fl: Any, obj: ir.Expr, node: cst.Attribute) -> ir.Expr:
    """`e.args`."""
    return ir.Intrinsic("exc.args", (obj,), ir.ExcArgsT(), fl.sp(node))


def raise_cause(fl: Any, exc: ir.Expr, cause_node: cst.BaseExpression) -> ir.Expr:
    """`raise exc from cause`: CPython evaluates exc, then cause (which must be an exception or
    None); the cause only shows in the traceback on stderr. Returns what to raise: exc, with the
    cause evaluated after it when that can have effects."""
    if isinstance(cause_node, cst.Name) and cause_node.value == "None":
        return exc
    if isinstance(cause_node, cst.Name) and cause_node.value in set(fl.info.exceptions) | _builtin_excs() \
            and cause_node.value not in fl.locals and cause_node.value not in fl.comp_scope:
        call = cst.Call(cause_node)  # `from E` instantiates E
        fl.positions_alias[call] = cause_node
        cause_node = call
    cause = fl.expr(cause_node)
    ct = prune(cause.ty)
    if isinstance(ct, TVar):
        return exc
    if not isinstance(ct, ir.ExcT):
        fl.err("type-mismatch", f"exception causes must derive from BaseException, not {show(ct)}", cause_node)
        return exc
    if isinstance(cause, (ir.Local, ir.Const)):
        return exc
    pair = ir.TupleLit((exc, cause), ir.TupleT((exc.ty, cause.ty)), exc.span)
    return ir.Intrinsic("tuple.getitem", (pair, ir.Const(0, ir.INT, exc.span)), exc.ty, exc.span)


def _builtin_excs() -> set[str]:
    from portalis.analyzers.builtins import BUILTIN_EXCEPTIONS
    return set(BUILTIN_EXCEPTIONS)
