"""Class attributes that are values of their own (issue 14), and `__slots__`.

A class attribute that is assigned anywhere (`Counter.count += 1`, `cls.count = 0`) or that is
not an immutable literal (`names = []`, `ORIGIN = (0, 0)`) is one shared value: a module
variable named "Class.attr" (`stored_name`; no Python name has a dot), set where the `class`
statement runs (an `ir.GlobalInit` at the statement's place in the module body, so a read
before it is CPython's NameError-free order as written) and read/written wherever the class
attribute is named: `C.a`, `cls.a`, `self.a` (an instance with no field of that name reads the
class attribute; a subclass overriding it is picked by the run-time class). Mutation through
any instance is visible to all (lists and dicts alias). Literal attributes nobody assigns stay
constants (analyzers/classes.py). Refused at the line: assigning through a class that only
inherits the attribute (CPython would create a new one on the subclass), through `cls` when the
class has subclasses, and through an instance (that would shadow the class attribute).

`__slots__` (a tuple/list of string literals, or one string): accepted; a method that assigns
`self.NAME` for a name outside the slots of a class whose every class has slots is refused at
that line (CPython raises AttributeError there); a slot named like a class attribute is
CPython's ValueError at the class statement: refused.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir


def stored_name(cname: str, attr: str) -> str:
    return f"{cname}.{attr}"


def _stores(ml: Any) -> set[str]:
    """Attribute names the module assigns through a plain name (`X.a = `, `X.a += `), once."""
    got = getattr(ml, "_class_attr_stores", None)
    if got is not None:
        return got
    out: set[str] = set()

    class V(cst.CSTVisitor):
        def target(self, t: cst.CSTNode) -> None:
            if isinstance(t, (cst.Tuple, cst.List)):
                for el in t.elements:
                    self.target(el.value)
            elif isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name):
                out.add(t.attr.value)

        def visit_AssignTarget(self, n: cst.AssignTarget) -> None:
            self.target(n.target)

        def visit_AugAssign(self, n: cst.AugAssign) -> None:
            self.target(n.target)

        def visit_AnnAssign(self, n: cst.AnnAssign) -> None:
            self.target(n.target)

        def visit_For(self, n: cst.For) -> None:
            self.target(n.target)

    if ml.sm.tree is not None:
        ml.sm.tree.visit(V())
    ml._class_attr_stores = out
    return out


def collect_attr(ml: Any, ci: Any, tgt: str, x: cst.CSTNode, val: cst.BaseExpression, t: Any, literal: bool) -> bool:
    """A class-body `tgt = val` (x: the statement): True when it is a stored class attribute
    (registered as the module variable `stored_name`), False when it stays a constant."""
    if literal and tgt not in _stores(ml):
        return False
    from portalis.analyzers.lower import _pure_init
    info = ml.info
    g = stored_name(ci.name, tgt)
    info.globals[g] = t
    info.global_inits[g] = x
    ci.stored_attrs.add(tgt)
    info.__dict__.setdefault("stored_by_value", {})[id(val)] = g
    if not _pure_init(val, info.funcs):
        ml.diag("unsupported-class", f"class attribute `{ci.name}.{tgt}` must be initialised without calling "
                "functions", val)
        ci.refused = True
    return True


def note_class(ml: Any, c: cst.ClassDef) -> None:
    """The class statement's place in the module body (its stored attributes are set there)."""
    ci = ml.info.classes.get(c.name.value)
    if ci is not None and not ci.refused and getattr(ci, "stored_attrs", None):
        ml.__dict__.setdefault("class_points", []).append((len(ml.main_stmts), ci.name))


def inits_at(ml: Any, fl: Any, i: int) -> list[ir.Stmt]:
    """The `GlobalInit`s of the stored attributes of classes whose statement comes before
    module statement i (called with i = 0, 1, ... len(main_stmts))."""
    out: list[ir.Stmt] = []
    for at, cname in getattr(ml, "class_points", ()):
        if at != i:
            continue
        ci = ml.info.classes[cname]
        if ci.refused:
            continue
        for a in ci.attrs:
            if a not in ci.stored_attrs:
                continue
            g = stored_name(cname, a)
            x = ml.info.global_inits[g]
            val = x.value
            fl.positions_alias[val] = val
            v = fl.coerce_to(fl.expr(val), ml.info.globals[g], val, f"class attribute `{cname}.{a}`")
            sp = ml.sm.span(x)
            ml.global_values[g] = (v, sp)
            out.append(ir.GlobalInit(g, v, sp))
    return out


def read(fl: Any, ca: tuple, node: cst.CSTNode) -> ir.Expr | None:
    """The value of class attribute `ca` (a `ClassInfo.attrs` entry) if it is a stored one
    (None: a constant)."""
    g = fl.info.__dict__.get("stored_by_value", {}).get(id(ca[0]))
    if g is None:
        return None
    return ir.Global(g, fl.info.globals[g], fl.sp(node))


def store(fl: Any, cname: str, t: cst.Attribute, value: ir.Expr, node: cst.CSTNode, via_cls: bool) -> tuple:
    """`C.a = value` / `cls.a = value`: the target, or a refusal (then a discarded target)."""
    from portalis.analyzers.classes import mro, subclasses
    from portalis.analyzers.types import TVar
    info = fl.info
    a = t.attr.value
    sp = fl.sp(t)
    discard = (ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value)
    definer = next((k for k in mro(info, cname) if a in info.classes[k].attrs), None)
    if definer is None:
        fl.err("unsupported-class", f"`{cname}` has no class attribute `{a}` (adding class attributes outside the "
               "class body is not supported)", t)
        return discard
    if definer != cname:
        fl.err("unsupported-class", f"assigning `{cname}.{a}` would create a new class attribute on `{cname}` "
               f"(it inherits `{a}` from `{definer}`): not supported", t)
        return discard
    if via_cls and len(subclasses(info, cname)) > 1:
        fl.err("unsupported-class", f"assigning `{a}` through `cls` of a class with subclasses is not supported "
               "(on a subclass CPython creates a new class attribute)", t)
        return discard
    g = stored_name(cname, a)
    if g not in info.globals:  # not stored: cannot happen (every assigned name is stored)
        fl.err("unsupported-class", f"class attribute `{cname}.{a}` cannot be assigned", t)
        return discard
    slot = info.globals[g]
    return ir.NameTarget(g, slot, True, sp), fl.coerce_to(value, slot, node, f"class attribute `{cname}.{a}`")


# ---------------------------------------------------------------- __slots__


def collect_slots(ml: Any, ci: Any, val: cst.BaseExpression) -> None:
    names: list[str] = []
    items = [val] if isinstance(val, cst.SimpleString) else (
        [e.value for e in val.elements] if isinstance(val, (cst.Tuple, cst.List)) else None)
    if items is None or not all(isinstance(e, cst.SimpleString) for e in items):
        ml.diag("unsupported-class", "`__slots__` must be a tuple or list of string literals", val)
        ci.refused = True
        return
    for e in items:
        names.append(e.evaluated_value)  # type: ignore[union-attr]
    ci.slots = tuple(names)


def check_slots(ml: Any, ci: Any) -> None:
    """After the fields are collected: fields outside the slots, slots that are class attributes."""
    from portalis.analyzers.classes import mro
    info = ml.info
    if ci.slots is not None:
        for s in ci.slots:
            if s in ci.attrs:
                ml.diag("unsupported-class", f"'{s}' in __slots__ conflicts with class variable (CPython raises "
                        "ValueError)", ci.node.name)
                ci.refused = True
                return
    chain = mro(info, ci.name)
    if any(info.classes[k].slots is None for k in chain):
        return  # an instance has a __dict__: any attribute may be set
    allowed = {s for k in chain for s in info.classes[k].slots}
    if "__dict__" in allowed:
        return
    for f, node in ci.own_fields.items():
        if f not in allowed:
            ml.diag("unsupported-class", f"`{f}` is not in the `__slots__` of `{ci.name}`: CPython raises "
                    f"AttributeError: '{ci.name}' object has no attribute '{f}'", node)
            ci.refused = True
            return
