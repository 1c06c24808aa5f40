"""Class methods in class hierarchies (issue 14): `cls` is the class the method was called on.

A class method of a class that has a base or subclasses ("dynamic") takes the run-time class as
a hidden first parameter `CLS_TAG` (an int: the class's `ir.Class.tag`). Callers pass it:
`Sub.make()` the constant tag of Sub, `obj.make()` the tag of obj's run-time class, `cls.other()`
its own. Inside, `cls(...)` builds an object of that class (`ir.NewObj` with `tag`; when the
subclasses' `__init__`s differ, they must take the same parameters and the call dispatches on
the tag), `cls.NAME` and `cls.__name__` pick the value of the run-time class (intrinsic
`cls.by_tag`), and `cls.m()` calls the override of the run-time class (a dispatcher matching on
the tag). `cls` itself is never a value (no Python name is bound to the tag). Statically such a
call's result has the type the method declares (`cls(...)` is an instance of the defining
class): `Sub.make()` is used as the base type, which dispatches to Sub's methods.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir

CLS_TAG = ir.hidden("cls", 0)


def _subclassed(ml: Any) -> set[str]:
    """Names that some class statement of the module derives from (once per module)."""
    got = getattr(ml, "_subclassed_names", None)
    if got is None:
        got = set()

        class V(cst.CSTVisitor):
            def visit_ClassDef(self, n: cst.ClassDef) -> None:
                for b in n.bases:
                    if isinstance(b.value, cst.Name):
                        got.add(b.value.value)

        if ml.sm.tree is not None:
            ml.sm.tree.visit(V())
        ml._subclassed_names = got
    return got


def in_hierarchy(ml: Any, cname: str) -> bool:
    ci = ml.info.classes.get(cname)
    return ci is not None and (ci.base is not None or cname in _subclassed(ml))


def is_dynamic(info: Any, func: str) -> bool:
    sig = info.funcs.get(func)
    return sig is not None and bool(sig.params) and sig.params[0][0] == CLS_TAG


def dyn_tag(fl: Any, node: cst.BaseExpression) -> ir.Expr | None:
    """The run-time class of `cls` when node is the `cls` of a dynamic class method."""
    if isinstance(node, cst.Name) and fl.cls_param is not None and node.value == fl.cls_param \
            and fl.owner is not None and CLS_TAG in fl.locals:
        return ir.Local(CLS_TAG, ir.INT, fl.sp(node))
    return None


def obj_tag(obj: ir.Expr) -> ir.Expr:
    return ir.Intrinsic("obj.tag", (obj,), ir.INT, obj.span)


def class_tag(fl: Any, cname: str, node: cst.CSTNode) -> ir.Expr:
    return ir.Const(fl.info.classes[cname].tag, ir.INT, fl.sp(node))


def _overridden(info: Any, cname: str, m: str, definer: str) -> bool:
    from portalis.analyzers.classes import is_subclass, subclasses
    return any(m in info.classes[k].methods for k in subclasses(info, cname)
               if k != definer and not is_subclass(info, definer, k))


def call(fl: Any, func: str, cname: str, m: str, definer: str, tag: ir.Expr, node: cst.Call, pos: list,
         kw: dict) -> ir.Expr:
    """A dynamic class method called with run-time class `tag` (statically at or below cname)."""
    dispatch = cname if _overridden(fl.info, cname, m, definer) else None
    return fl.bind_call(func, [tag], node, pos, kw, dispatch=dispatch)


def by_tag(fl: Any, tag: ir.Expr, per_class: list[tuple[int, Any]], lower: Any, node: cst.CSTNode) -> ir.Expr:
    """The value of the run-time class: per_class = [(tag, key)], equal keys (by identity)
    lowered once with `lower(key)`."""
    vals: list[Any] = []
    groups: dict[int, list[int]] = {}
    for t, x in per_class:
        i = next((j for j, v in enumerate(vals) if v is x), None)
        if i is None:
            vals.append(x)
            i = len(vals) - 1
        groups.setdefault(i, []).append(t)
    lowered = [lower(v) for v in vals]
    if len(lowered) == 1:
        return lowered[0]
    ty = lowered[0].ty
    lowered = [fl.coerce_to(v, ty, node, "the class attribute") for v in lowered]
    tags = ";".join("|".join(map(str, groups[i])) for i in range(len(vals)))
    return ir.Intrinsic("cls.by_tag", (tag, *lowered), ty, fl.sp(node), (("tags", ir.Const(tags, ir.STR, fl.sp(node))),))


def attribute(fl: Any, cname: str, tag: ir.Expr, node: cst.Attribute) -> ir.Expr | None:
    """`cls.NAME` / `cls.__name__` in a dynamic class method (None: not a class attribute)."""
    from portalis.analyzers.classes import class_attr, subclasses
    info = fl.info
    a = node.attr.value
    subs = subclasses(info, cname)
    if a == "__name__":
        return by_tag(fl, tag, [(info.classes[k].tag, k) for k in subs],
                      lambda k: ir.Const(k, ir.STR, fl.sp(node)), node)
    per = [(info.classes[k].tag, class_attr(info, k, a)) for k in subs]
    if any(x is None for _, x in per):
        return None
    return by_tag(fl, tag, per, lambda ca: fl.class_constant(ca, node), node)


def construct(fl: Any, cname: str, tag: ir.Expr, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
    """`cls(...)`: an object of the run-time class."""
    from portalis.analyzers.classes import resolve, subclasses
    from portalis.analyzers.types import show, unify
    info = fl.info
    sp = fl.sp(node)
    r = resolve(info, cname, "__init__")
    inits = {resolve(info, k, "__init__") for k in subclasses(info, cname)}
    if r is None:
        if len(inits) > 1:
            return fl.err("unsupported-class", f"`cls(...)`: some subclasses of `{cname}` define `__init__` and "
                          f"`{cname}` does not: not supported", node)
        if pos or kw:
            return fl.err("type-mismatch", f"`{cname}()` takes no arguments", node)
        return ir.NewObj(cname, None, (), ir.ObjT(cname), sp, tag)
    dispatch = None
    if len(inits) > 1:
        if None in inits:
            return fl.err("unsupported-class", f"`cls(...)`: a subclass of `{cname}` has no `__init__`", node)
        base = info.funcs[r[2]]
        for other in inits:
            sig = info.funcs[other[2]]
            if sig is base:
                continue
            code = cst.Module([]).code_for_node
            if len(sig.params) != len(base.params) or {k: code(v) for k, v in sig.defaults.items()} != {
                    k: code(v) for k, v in base.defaults.items()} or not all(
                    pn == bn and unify(pt, bt) for (pn, pt), (bn, bt) in zip(sig.params[1:], base.params[1:])):
                return fl.err("unsupported-class", f"`cls(...)`: `{other[2]}` takes other parameters than "
                              f"`{r[2]}` ({', '.join(p + ': ' + show(t) for p, t in sig.params[1:])}); the "
                              "subclasses' `__init__`s must take the same ones", node)
        dispatch = cname
    c = fl.bind_call(r[2], [], node, pos, kw, skip=1)
    if not isinstance(c, ir.Call):
        return c
    return ir.NewObj(cname, r[2], c.args, ir.ObjT(cname), sp, tag, dispatch)
