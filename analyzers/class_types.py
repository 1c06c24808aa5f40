"""The class of an object as a value, where it is compared or named (issue 14).

`type(x) is C` / `type(x) == C` (and `is not` / `!=`): whether x's run-time class is exactly C
(x an object of a user class; a class outside x's hierarchy is a constant False after x is
evaluated); `type(x) is type(y)`: the same run-time class. `x.__class__` means `type(x)` in
these places and in `x.__class__.__name__`. `issubclass(C, B)` of two class names is a
constant; `issubclass(cls, B)` in a dynamic class method (analyzers/class_methods) asks the
run-time class. A class is still never a value of its own anywhere else.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers.types import TVar, prune

_OPS = {cst.Is: "is", cst.IsNot: "is not", cst.Equal: "==", cst.NotEqual: "!="}


def class_of(fl: Any, node: cst.BaseExpression) -> cst.BaseExpression | None:
    """E when node is `type(E)` (the builtin) or `E.__class__`."""
    if isinstance(node, cst.Attribute) and node.attr.value == "__class__":
        return node.value
    from portalis.analyzers.exc_extras import builtin_type
    if (isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "type"
            and builtin_type(fl) and len(node.args) == 1 and node.args[0].keyword is None and not node.args[0].star):
        return node.args[0].value
    return None


def type_name(fl: Any, node: cst.Attribute) -> ir.Expr | None:
    """`x.__class__.__name__` (as `type(x).__name__`, analyzers/exc_extras)."""
    if node.attr.value != "__name__" or not (isinstance(node.value, cst.Attribute) and node.value.attr.value == "__class__"):
        return None
    from portalis.analyzers import exc_extras
    call = cst.Call(func=cst.Name("type"), args=[cst.Arg(node.value.value)])
    synth = cst.Attribute(value=call, attr=cst.Name("__name__"))
    fl.positions_alias[synth] = node
    fl.positions_alias[call] = node.value
    return exc_extras.type_name(fl, synth)


def compare(fl: Any, node: cst.Comparison) -> ir.Expr | None:
    """`type(x) is C` and its kin (None: not one of them)."""
    if len(node.comparisons) != 1 or type(node.comparisons[0].operator) not in _OPS:
        return None
    op = _OPS[type(node.comparisons[0].operator)]
    left, right = node.left, node.comparisons[0].comparator
    lx = class_of(fl, left)
    if lx is None:
        left, right = right, left
        lx = class_of(fl, left)
    if lx is None:
        return None
    sp = fl.sp(node)
    rx = class_of(fl, right)
    cname = right.value if isinstance(right, cst.Name) and fl.is_class_name(right.value) else None
    if rx is None and cname is None:
        return None
    x = fl.expr(lx)
    t = prune(x.ty)
    if isinstance(t, TVar):
        return fl.unknown(sp) if t.origin != "error" else x
    if not isinstance(t, ir.ObjT) or fl.refused_class(t.name):
        if isinstance(t, ir.ObjT):
            return fl.poison(node)
        return fl.err("unsupported-builtin", f"`type(x) {op} ...` is supported for objects of user classes only "
                      f"(x is {t})", node)
    from portalis.analyzers.classes import root_of, subclasses
    info = fl.info
    if cname is not None:
        if fl.refused_class(cname):
            return fl.poison(node)
        if cname in subclasses(info, t.name):
            res: ir.Expr = ir.Intrinsic("obj.isinstance", (x, ir.Const(str(info.classes[cname].tag), ir.STR, sp)),
                                        ir.BOOL, sp)
        else:
            res = ir.Intrinsic("eval_then", (x, ir.Const(False, ir.BOOL, sp)), ir.BOOL, sp)
    else:
        y = fl.expr(rx)
        u = prune(y.ty)
        if isinstance(u, TVar):
            return fl.unknown(sp) if u.origin != "error" else y
        if not isinstance(u, ir.ObjT) or fl.refused_class(u.name):
            return fl.err("unsupported-builtin", "`type(x) is type(y)` is supported for objects of user classes only",
                          node)
        if root_of(info, t.name) == root_of(info, u.name):
            res = ir.Intrinsic("obj.same_class", (x, y), ir.BOOL, sp)
        else:
            res = ir.Intrinsic("eval_then", (x, ir.Intrinsic("eval_then", (y, ir.Const(False, ir.BOOL, sp)),
                                                             ir.BOOL, sp)), ir.BOOL, sp)
    return res if op in ("is", "==") else ir.UnaryOp("not", res, ir.BOOL, sp)


def issubclass_(fl: Any, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
    from portalis.analyzers import class_methods
    from portalis.analyzers.classes import is_subclass, subclasses
    sp = fl.sp(node)
    if kw or len(pos) != 2:
        return fl.err("type-mismatch", "issubclass() takes exactly two arguments", node)
    a, b = pos
    bs = [e.value for e in b.elements] if isinstance(b, cst.Tuple) else [b]
    names = []
    for e in bs:
        n = fl.class_named(e) if isinstance(e, cst.Name) else None
        if n is None or class_methods.dyn_tag(fl, e) is not None:
            return fl.err("unsupported-builtin", "issubclass() is supported with user class names (and `cls` as "
                          "its first argument in a class method)", e)
        names.append(n)
    first = fl.class_named(a) if isinstance(a, cst.Name) else None
    if first is None:
        return fl.err("unsupported-builtin", "issubclass() is supported with user class names (and `cls` as its "
                      "first argument in a class method)", a)
    if any(fl.refused_class(n) for n in (first, *names)):
        return fl.poison(node)
    tag = class_methods.dyn_tag(fl, a)
    if tag is None:
        return ir.Const(any(is_subclass(fl.info, first, n) for n in names), ir.BOOL, sp)
    per = [(fl.info.classes[k].tag, any(is_subclass(fl.info, k, n) for n in names)) for k in subclasses(fl.info, first)]
    return class_methods.by_tag(fl, tag, per, lambda v: ir.Const(v, ir.BOOL, sp), node)
