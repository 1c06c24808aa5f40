"""Instances of unrelated user classes held together (issue 14): `[Dog(), Car()]`.

Representation: an implicit common root, the synthetic class `object` (`GROUP`). When a
literal (list, tuple, dict values, set) mixes instances of classes with no common base
(`ExprMixin.common`), `meet` puts the hierarchies of those classes under `object`; its items
then have type `ir.ObjT("object")`. For Python semantics nothing changes (`mro`, `super()`,
fields and `resolve` ignore the root: `root_of` is still each class's own top class); for the
Rust side every class of the group is one hierarchy (one `O<object>` type whose payload has the
fields of all of them, one run-time tag per class), so the existing tag machinery applies:
`isinstance` masks, `type(x) is C`, `type(x).__name__`, repr/str dispatch, and duck-typed method
calls: `x.speak()` on an `object` calls the `speak` of the run-time class through a dispatcher
(every class defining `speak` must take and return the same types; a class of the group that
has no `speak` raises CPython's AttributeError there, so its arguments must be variables or
literals: CPython looks the method up first). A field read through `object` reads the field of
the run-time class, or raises AttributeError for a class without it. Refused at the line: classes with operator dunders
(`__eq__`, `__lt__`, `__hash__`, ...) in a group (CPython would call them across classes), and
fields of one name with different types in two classes of a group.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers.types import show, unify

GROUP = "object"


def is_group(info: Any, name: str) -> bool:
    ci = info.classes.get(name)
    return ci is not None and ci.synthetic


def member(info: Any, c: str) -> bool:
    """Whether class c is in the group (below the implicit root)."""
    from portalis.analyzers.classes import root_of
    g = info.classes.get(GROUP)
    return g is not None and g.synthetic and root_of(info, c) in g.group_roots


def meet(fl: Any, names: list[str], node: cst.CSTNode | None, span: Any = None) -> str | None:
    """Instances of classes `names` (no common base) in one value: the implicit root, or None
    (refused, diagnosed at node, or at span)."""
    from portalis.analyzers.classes import _OPERATOR_DUNDERS, ClassInfo, root_of, subclasses
    info = fl.info

    class _Report:
        @staticmethod
        def err(code: str, msg: str, _node: Any) -> None:
            if node is not None:
                fl.err(code, msg, node)
            else:
                fl.err_at(code, msg, span)
    rep = _Report()
    names = [n for n in names if n != GROUP]
    if any(fl.refused_class(n) for n in names):
        return None
    g = info.classes.get(GROUP)
    if g is not None and not g.synthetic:
        rep.err("unsupported-class", "instances of unrelated classes held together need the implicit root `object`, "
               "and a user class is named `object`", node)
        return None
    roots = sorted({root_of(info, n) for n in names}, key=lambda r: info.classes[r].tag)
    for r in roots:
        for k in subclasses(info, r):
            bad = sorted(set(info.classes[k].methods) & _OPERATOR_DUNDERS)
            if bad:
                rep.err("unsupported-class", f"instances of unrelated classes held together: `{k}` defines `{bad[0]}`, "
                       "which CPython would call with an instance of another class: not supported", node)
                return None
    bad = _build(info, roots)
    if bad is not None:
        rep.err("unsupported-class", bad, node)
        return None
    return GROUP


def _build(info: Any, roots: list[str]) -> str | None:
    """Put the hierarchies of `roots` under the implicit root (None, or what is refused)."""
    from portalis.analyzers.classes import ClassInfo
    g = info.classes.get(GROUP)
    if g is None:
        first = info.classes[roots[0]]
        g = ClassInfo(GROUP, None, first.node, first.line, max(c.tag for c in info.classes.values()) + 1)
        g.synthetic = True
        info.classes[GROUP] = g
    for r in roots:
        if r in g.group_roots:
            continue
        for f, t in info.classes[r].fields.items():
            if f in g.fields and not unify(g.fields[f], t):
                return (f"instances of unrelated classes held together: field `{f}` of `{r}` holds {show(t)}, "
                        f"another class's `{f}` {show(g.fields[f])}: not supported")
            g.fields.setdefault(f, t)
        g.group_roots.append(r)
    return None


_PENDING = "#class-group"  # key of `info.type_aliases`: annotations naming unrelated classes


def annotated(aliases: dict, node: cst.CSTNode, names: list[str]) -> ir.Type:
    """`Dog | Car` in an annotation (types.parse_annotation): the implicit root; the classes
    meet when the module's classes are all collected (`apply_seed`)."""
    aliases.setdefault(_PENDING, []).append((node, names))
    return ir.ObjT(GROUP)


def apply_seed(ml: Any) -> None:
    """After collecting: the classes annotations hold together, and (a lowering started again,
    `_ModuleLowering.run`) the group the last one found, from the start."""
    info = ml.info
    roots = [r for r in ml.group_seed if r in info.classes and not info.classes[r].refused]
    if roots:
        _build(info, roots)
    apply_pending(info, ml.diag)
    g = info.classes.get(GROUP)
    ml.group_start = tuple(g.group_roots) if g is not None and g.synthetic else ()


def apply_pending(info: Any, report: Any) -> None:
    """The classes annotations read so far hold together (`report(code, msg, node)`: a refusal)."""
    from portalis.analyzers.classes import _OPERATOR_DUNDERS, root_of, subclasses
    for node, names in info.type_aliases.pop(_PENDING, []):
        if any(n not in info.classes or info.classes[n].refused for n in names):
            continue
        rs = sorted({root_of(info, n) for n in names}, key=lambda r: info.classes[r].tag)
        bad = next((f"instances of unrelated classes held together: `{k}` defines `{d}`, which CPython would call "
                    "with an instance of another class: not supported" for r in rs for k in subclasses(info, r)
                    for d in sorted(set(info.classes[k].methods) & _OPERATOR_DUNDERS)), None)
        bad = bad or _build(info, rs)
        if bad is not None:
            report("unsupported-class", bad, node)


def restart_roots(ml: Any) -> tuple | None:
    """The group's classes when they are more than the lowering started with (then it starts
    again: places inferred before the classes met hold one class only)."""
    g = ml.__dict__.get("info") and ml.info.classes.get(GROUP)
    if g is None or not g.synthetic or set(g.group_roots) <= set(ml.group_seed) | set(ml.group_start):
        return None
    return tuple(g.group_roots)


def inferred_slot(fl: Any, have: ir.ObjT, w: Any) -> Any:
    """An instance of a class of the group flowing into a place whose type is inferred (a
    local, a parameter, a list's items): the place holds any class of the group."""
    from portalis.analyzers.types import TVar, prune
    if not member(fl.info, have.name):
        return w
    inner = prune(w.inner) if isinstance(w, ir.OptionT) else w
    if isinstance(inner, TVar) and inner.origin != "error":
        unify(inner, ir.ObjT(GROUP))
        return prune(w)
    return w


def _members(info: Any) -> list[str]:
    from portalis.analyzers.classes import subclasses
    return [k for k in subclasses(info, GROUP) if k != GROUP]


def attribute(fl: Any, obj: ir.Expr, node: cst.Attribute) -> ir.Expr:
    """`x.NAME` on an `object` of the group: a field every class of the group has."""
    from portalis.analyzers.classes import field_type, has_field
    info = fl.info
    a = node.attr.value
    ks = _members(info)
    if ks and all(has_field(info, k, a) for k in ks):
        return ir.GetAttr(obj, a, field_type(info, ks[0], a), fl.sp(node))
    have = [k for k in ks if has_field(info, k, a)]
    if not have:
        return fl.err("unsupported-class", f"no class of {', '.join(ks)} has a field `{a}` (on a value of unrelated "
                      "classes only fields and methods are looked up, not properties or class attributes)", node)
    # the classes without it raise CPython's AttributeError (codegen: `obj.group_field`)
    sp = fl.sp(node)
    missing = ";".join(f"{info.classes[k].tag}={k}" for k in ks if k not in have)
    return ir.Intrinsic("obj.group_field", (obj,), field_type(info, have[0], a), sp,
                        (("field", ir.Const(a, ir.STR, sp)), ("missing", ir.Const(missing, ir.STR, sp))))


def method(fl: Any, obj: ir.Expr, m: str, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
    """`x.m(...)` on an `object` of the group: the method of the run-time class (duck typing)."""
    from portalis.analyzers.classes import resolve
    info = fl.info
    sp = fl.sp(node)
    impls: dict[str, Any] = {}
    for k in _members(info):
        r = resolve(info, k, m)
        if r is not None:
            if r[1] != "method":
                return fl.err("unsupported-class", f"`{m}` of `{r[0]}` is a {r[1]} method; on a value of unrelated "
                              "classes only plain methods can be called", node)
            impls.setdefault(r[2], r)
    if not impls:
        return fl.err("unsupported-class", f"no class of {', '.join(_members(info))} has a method `{m}`", node)
    funcs = list(impls)
    base = info.funcs[funcs[0]]
    code = cst.Module([]).code_for_node
    for f in funcs[1:]:
        sig = info.funcs[f]
        same = (len(sig.params) == len(base.params)
                and [p for p, _ in sig.params[1:]] == [p for p, _ in base.params[1:]]
                and {k: code(v) for k, v in sig.defaults.items()} == {k: code(v) for k, v in base.defaults.items()})
        if not same:
            return fl.err("unsupported-class", f"`{f}` and `{funcs[0]}` take other parameters; a method called on a "
                          "value of unrelated classes must take the same ones in each", node)
        for (pn, pt), (_, bt) in zip(sig.params[1:], base.params[1:]):
            if not unify(pt, bt):
                return fl.err("unsupported-class", f"parameter `{pn}` of `{f}` has another type than in `{funcs[0]}` "
                              f"({show(pt)} vs {show(bt)})", node)
        if not unify(sig.ret, base.ret):
            return fl.err("unsupported-class", f"`{f}` returns another type than `{funcs[0]}` ({show(sig.ret)} vs "
                          f"{show(base.ret)})", node)
    lacking = [k for k in _members(info) if resolve(info, k, m) is None]
    if lacking and not all(fl.effect_free(a) for a in [*pos, *kw.values()]):
        return fl.err("unsupported-class", f"`{lacking[0]}` has no method `{m}`: CPython raises AttributeError before it "
                      "evaluates the arguments; pass variables or literals here", node)
    c = fl.bind_call(funcs[0], [], node, pos, kw, skip=1)
    if not isinstance(c, ir.Call):
        return c
    return ir.Call(funcs[0], (obj, *c.args), c.ty, sp, GROUP)


def widen_local(fl: Any, n: str, st: ir.ObjT, vt: ir.ObjT, value: ir.Expr) -> Any:
    """A local holding an instance of one class assigned one of an unrelated class (`x = Dog()`
    ... `x = Car()`): from now on (and in the next pass from the start) an `object` of the
    group. None: the classes are related (the ordinary coercion applies) or it was refused."""
    from portalis.analyzers.classes import common_base
    from portalis.analyzers.types import TVar
    info = fl.info
    if st.name not in info.classes or vt.name not in info.classes:
        return None
    if st.name == GROUP and member(info, vt.name):
        return None
    if st.name != GROUP and common_base(info, st.name, vt.name) is not None:
        return None
    if meet(fl, [st.name, vt.name], None, value.span) is None:
        return None
    new = TVar(f"local {n} of {fl.fname}")
    new.ref = ir.ObjT(GROUP)
    fl.locals[n] = new
    info.widened += 1
    return new



def note_meet(fl: Any, want: ir.ObjT, have: ir.ObjT, node: cst.CSTNode) -> None:
    """An instance of `have` where one of an unrelated class `want` is expected (`xs.append(Car())`
    on a list made of Dogs): the classes meet, so that the next pass makes such lists of `object`
    (`ExprMixin.common`); the mismatch is still reported in this pass."""
    from portalis.analyzers.classes import common_base
    info = fl.info
    if want.name not in info.classes or have.name not in info.classes or want.name == GROUP:
        return
    if common_base(info, want.name, have.name) is not None or (member(info, want.name) and member(info, have.name)):
        return
    if meet(fl, [want.name, have.name], node) is not None:
        info.widened += 1
