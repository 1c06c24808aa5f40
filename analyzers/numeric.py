"""Ints where a `float` is annotated (PEP 484's numeric tower), issue 14.

CPython does not convert: `deposit(50)` with `amount: float` keeps `amount` an int inside the
callee (`print(amount)` shows `50`, `amount // 2` is an int). Portalis holds every float slot as
an f64, so an int reaching one is converted where it arrives, and that is right only where no
use can tell the two apart. `exprs.coerce_to` marks such an arrival (`ir.Coerce(..., widen=what)`:
an int argument for a float parameter, a default, a field or local or return value of type
float); `check_module` then follows the value on the finished IR:

- a *slot* is a place holding a float: a function's parameter or local ("var", f, name), a
  module variable ("global", name), a field of a class hierarchy ("field", root, name), a
  function's return value ("ret", f);
- a slot is *tainted* when a value that may be an int in CPython reaches it: a marked arrival,
  or a tainted value copied into it (assigned, passed to a float parameter, returned);
- every read of a tainted slot (a `Local`/`Global`, `GetAttr`, or `Call` of the function) must
  be a use where the int and the equal float give the same observable result:
  arithmetic (`+ - * / // % **`) with an operand that is a float in CPython too (CPython
  converts the int first, rounding as Rust's `as f64` does), `x / k` with a nonzero int
  literal `k`, comparisons (`< <= > >= == !=`), truth tests, `not`, `float()`, the `math`
  functions that take floats, an f-string field with a float presentation type (`:.2f`, `:e`,
  `:g`, `:%`), or a plain copy into another float slot (which is then checked the same way;
  `-x` and `a if c else b` pass the question on to their own use);
- anything else (printing it, `str`/`repr`/plain f-string fields, `//`/`%`/`+` with no float
  partner, storing it in a container, `round`/`abs`/`min`, a union, ...) can show the
  difference: the arrival is refused (`int-float-mix`) with the use's line and why.

Comparisons, `math.floor/ceil/trunc` and `x / k` are exact only while the f64 holds the int
exactly: an arrival whose value flows to one is converted with a run-time check
(`Coerce.exact`: `rt::int_to_f64_exact`) that stops with Portalis' value limit (never caught by
`except`) when the int has no exact float (|v| > 2**53 and not a multiple of the lost bits).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from portalis import ir
from portalis.diagnostics import Diagnostic, make

_ARITH = {"+", "-", "*", "/", "//", "%", "**"}
_INT_ARITH = {"+", "-", "*"}
_ORDER = {"<", "<=", ">", ">=", "==", "!="}
_MATH_FLOAT = {"sqrt", "exp", "log", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
               "cosh", "tanh", "fabs", "degrees", "radians", "expm1", "log1p", "atan2", "hypot", "pow",
               "copysign", "fmod", "isnan", "isinf", "isfinite", "isclose"}
_SAFE_INTRINSICS = {"float", "truthy", "bool"} | {f"math.{n}" for n in _MATH_FLOAT}
_EXACT_INTRINSICS = {"math.floor", "math.ceil", "math.trunc", "int.from_float", "round"}
_FLOAT_SPECS = set("eEfFgG%")

SAFE, EXACT, COPY, UNSAFE = "safe", "exact", "copy", "unsafe"


def _shown(intrinsic: str) -> str:
    """`round.ndigits` -> round, `list.append` -> append, `math.floor` stays."""
    head, _, tail = intrinsic.partition(".")
    if head == "math" or not tail:
        return intrinsic
    return head if head in ("round", "int", "str", "repr", "min", "max", "sum", "abs", "format", "sorted") else \
        intrinsic.rsplit(".", 1)[-1]


def _same(a: Any, b: Any) -> bool:
    """The same variable or field read twice (`dx * dx`: a square is never -0.0)."""
    if isinstance(a, ir.Local) and isinstance(b, ir.Local) or isinstance(a, ir.Global) and isinstance(b, ir.Global):
        return a.name == b.name
    if isinstance(a, ir.GetAttr) and isinstance(b, ir.GetAttr):
        return a.name == b.name and _same(a.obj, b.obj)
    return False


def widen(e: ir.Expr, span: Any, what: str) -> ir.Coerce:
    """An int arriving where a float is annotated: converted here if `check_module` finds no
    use that could tell (else refused there)."""
    return ir.Coerce(e, ir.FLOAT, span, widen=what)


def _nodes(root: Any) -> Iterator[tuple[Any, Any]]:
    """Every IR node under `root` with its ancestors as a linked chain (parent, chain) | None."""
    stack: list[tuple[Any, Any]] = [(root, None)]
    while stack:
        n, ch = stack.pop()
        cls = type(n)
        if cls is tuple or cls is list:
            stack.extend((x, ch) for x in reversed(n))
            continue
        fs = ir._child_fields(cls)
        if fs is None:
            continue
        yield n, ch
        link = (n, ch)
        for f in fs:
            stack.append((getattr(n, f), link))


class _Module:
    def __init__(self, m: ir.Module):
        self.m = m
        self.funcs = {f.name: f for f in m.functions}
        self.root = {c.name: c.root for c in m.classes}
        # method name -> every function implementing it, per hierarchy root
        self.impls: dict[tuple[str, str], set[str]] = {}
        for c in m.classes:
            for meth, fn in c.methods:
                self.impls.setdefault((c.root, meth), set()).add(fn)
        # functions used as values: a call through any function value may be any of them
        self.func_values = sorted({n.func for n in ir.walk((m.functions, m.main)) if isinstance(n, ir.FuncRef)})

    def callees(self, call: ir.Call) -> set[str]:
        out = {call.func}
        if call.dispatch is not None:
            meth = call.func.rsplit(".", 1)[-1]
            out |= self.impls.get((self.root.get(call.dispatch, call.dispatch), meth), set())
        return out

    def field_slot(self, t: Any, name: str) -> tuple | None:
        if isinstance(t, ir.OptionT):
            t = t.inner
        if isinstance(t, ir.ObjT):
            return ("field", self.root.get(t.name, t.name), name)
        return None

    def reads(self, n: Any, fn: str) -> list[tuple]:
        """The slots whose value the expression `n` is (empty: none)."""
        if isinstance(n, ir.Local):
            return [("var", fn, n.name)]
        if isinstance(n, ir.Global):
            return [("global", n.name)]
        if isinstance(n, ir.GetAttr):
            s = self.field_slot(n.obj.ty, n.name)
            return [s] if s else []
        if isinstance(n, ir.Call):
            return [("ret", f) for f in self.callees(n)]
        if isinstance(n, ir.CallValue):
            return [("ret", f) for f in self.func_values]
        return []


class _Checker:
    def __init__(self, m: ir.Module):
        self.mod = _Module(m)
        self.tainted_slots: set[tuple] = set()
        self.fn = ""
        self.arith = False  # the use being classified went through int arithmetic
        self.wraps: dict[int, str] = {}  # those BinOps/UnaryOps -> the run-time check they get

    # ---- is this float value possibly an int in CPython?
    def tainted(self, e: Any) -> bool:
        if isinstance(e, ir.Coerce):
            return e.ty == ir.FLOAT and e.expr.ty in (ir.INT, ir.BOOL)
        if isinstance(e, ir.Const):
            return e.from_int
        if isinstance(e, (ir.Local, ir.Global, ir.GetAttr, ir.Call, ir.CallValue)):
            return e.ty == ir.FLOAT and any(s in self.tainted_slots for s in self.mod.reads(e, self.fn))
        if isinstance(e, ir.BinOp):
            return e.ty == ir.FLOAT and e.op != "/" and self.tainted(e.left) and self.tainted(e.right)
        if isinstance(e, ir.UnaryOp):
            return e.op in ("-", "+") and self.tainted(e.operand)
        if isinstance(e, ir.IfExp):
            return self.tainted(e.then) or self.tainted(e.orelse)
        if isinstance(e, ir.Intrinsic) and e.name == "abs":
            return e.ty == ir.FLOAT and self.tainted(e.args[0])
        return False

    # ---- what a use of a possibly-int value `e` (ancestors `ch`) does
    def classify(self, e: Any, ch: Any) -> tuple:
        """(SAFE|EXACT,) or (COPY, slots, exact) or (UNSAFE, line, why)."""
        self.arith = False
        return self.done(self._classify(e, ch))

    def done(self, o: tuple) -> tuple:
        """A use reached through int arithmetic needs exact operands (the conversion checked)."""
        if self.arith and o[0] == SAFE:
            return (EXACT,)
        if o[0] == COPY and len(o) == 2:
            return (COPY, o[1], self.arith)
        return o

    def _classify(self, e: Any, ch: Any) -> tuple:
        while ch is not None:
            p, up = ch
            if isinstance(p, ir.BinOp):
                other = p.right if e is p.left else p.left
                if p.op in _ARITH:
                    if other.ty == ir.FLOAT and not self.tainted(other):
                        return (SAFE,)
                    if p.op == "/" and e is p.left and isinstance(other, ir.Const) and other.from_int and other.value:
                        return (EXACT,)
                    if isinstance(other, ir.Const) and other.from_int and abs(other.value) >= 2 ** 53:
                        return (UNSAFE, p.span, "an int literal with no exact float value")
                    if p.op in _INT_ARITH and self.tainted(other):
                        # int with int in CPython: the same value as an f64 while it stays below
                        # 2**53 (checked at run time); its own use decides the rest. A product
                        # may also be -0.0 where CPython's ints give 0 (0 * -3): checked too,
                        # except for a square
                        self.wraps[id(p)] = "float.int_exact_mul" if p.op == "*" and not _same(p.left, p.right) \
                            else "float.int_exact"
                        self.arith = True
                        e, ch = p, up
                        continue
                    return (UNSAFE, p.span, f"`{p.op}` with no float operand: CPython computes it in ints and "
                            "the result stays an int")
                return (UNSAFE, p.span, f"`{p.op}`")
            if isinstance(p, ir.UnaryOp):
                if p.op == "not":
                    return (SAFE,)
                if p.op == "-":  # -0 is 0, -0.0 is -0.0: a zero result is checked at run time
                    self.wraps[id(p)] = "float.no_neg_zero"
                e, ch = p, up
                continue
            if isinstance(p, ir.Intrinsic) and p.name == "abs" and p.ty == ir.FLOAT:
                e, ch = p, up
                continue
            if isinstance(p, ir.IfExp):
                if e is p.cond:
                    return (SAFE,)
                e, ch = p, up
                continue
            if isinstance(p, ir.Compare):
                if all(o in _ORDER for o in p.ops):
                    return (EXACT,)
                return (UNSAFE, p.span, "a membership or identity test")
            if isinstance(p, (ir.If, ir.While)) and e is p.cond:
                return (SAFE,)
            if isinstance(p, ir.ExprStmt):
                return (SAFE,)
            if isinstance(p, ir.Intrinsic):
                if p.name in _SAFE_INTRINSICS:
                    return (SAFE,)
                if p.name in _EXACT_INTRINSICS:
                    return (EXACT,)
                if p.name == "eval_then":  # isinstance() / type(x).__name__, known from the static type
                    return (UNSAFE, p.span, "`isinstance()` and `type()` tell an int from a float")
                if p.name == "print":
                    return (UNSAFE, p.span, "`print` shows an int without `.0`")
                return (UNSAFE, p.span, f"`{_shown(p.name)}()` can tell an int from a float")
            if isinstance(p, ir.FormatField):
                if p.conversion == "" and p.spec is not None and all(isinstance(x, str) for x in p.spec.parts) \
                        and "".join(p.spec.parts)[-1:] in _FLOAT_SPECS:
                    return (SAFE,)
                return (UNSAFE, e.span, "formatting it without a float presentation type (`:.2f`) shows an "
                        "int without `.0`")
            if isinstance(p, ir.Call) and p.ty is not None and any(a is e for a in p.args):
                i = next(k for k, a in enumerate(p.args) if a is e)
                slots = []
                for f in self.mod.callees(p):
                    fd = self.mod.funcs.get(f)
                    if fd is None or i >= len(fd.params):
                        return (UNSAFE, p.span, "passed where Portalis cannot follow it")
                    slots.append(("var", f, fd.params[i][0]))
                return (COPY, tuple(slots))
            if isinstance(p, ir.NewObj) and p.init is not None and any(a is e for a in p.args):
                i = next(k for k, a in enumerate(p.args) if a is e)
                inits = {p.init}
                if getattr(p, "dispatch", None) is not None:  # `cls(...)`: any subclass's __init__
                    inits |= self.mod.impls.get((self.mod.root.get(p.dispatch, p.dispatch), "__init__"), set())
                slots = []
                for f in sorted(inits):
                    fd = self.mod.funcs.get(f)
                    if fd is None or i + 1 >= len(fd.params):
                        return (UNSAFE, p.span, "passed where Portalis cannot follow it")
                    slots.append(("var", f, fd.params[i + 1][0]))
                return (COPY, tuple(slots))
            if isinstance(p, ir.Assign) and e is p.value:
                t = p.target
                if isinstance(t, ir.NameTarget):
                    if t.name == ir.DISCARD:
                        return (SAFE,)
                    return (COPY, (("global", t.name) if t.is_global else ("var", self.fn, t.name),))
                if isinstance(t, ir.AttrTarget):
                    s = self.mod.field_slot(t.obj.ty, t.name)
                    if s is not None:
                        return (COPY, (s,))
                return (UNSAFE, p.span, "stored where it stays an int (a container or a setter)")
            if isinstance(p, ir.GlobalInit) and e is p.value:
                return (COPY, (("global", p.name),))
            if isinstance(p, ir.Return) and e is p.value:
                return (COPY, (("ret", self.fn),))
            if isinstance(p, ir.Coerce):
                return (UNSAFE, p.span, "held as a value of several types, where `type()` and printing tell")
            if isinstance(p, ir.TupleLit) and up is not None and isinstance(up[0], ir.Compare) \
                    and all(o in _ORDER for o in up[0].ops):
                return (EXACT,)  # a dataclass's __eq__/__lt__: tuples compare item by item
            if isinstance(p, (ir.ListLit, ir.TupleLit, ir.SetLit, ir.DictLit, ir.Comprehension)):
                return (UNSAFE, p.span, "stored in a container, where it stays an int")
            return (UNSAFE, getattr(p, "span", e.span), "used where an int and a float can differ")
        return (UNSAFE, e.span, "used where an int and a float can differ")

    def unprinted_reprs(self) -> set[str]:
        """`__repr__`/`__str__` functions no code can run: no text is ever made of a value holding
        an object of their hierarchy (the sites `classes.check_module` checks for the default
        repr, and any message CPython builds with a repr: exceptions, asserts, a missing dict
        key or set member, `list.index`), and no call names them (a dataclass's generated
        `__repr__` reads every field, printed or not)."""
        m, root = self.mod.m, self.mod.root
        reprs = {fn: c.root for c in m.classes for meth, fn in c.methods if meth in ("__repr__", "__str__")}
        facts: dict[str, tuple[set[str], set[str]]] = {}  # function -> (roots it shows, functions it calls)
        for f in (*m.functions, m.main):
            shown: set[str] = set()
            called: set[str] = set()

            def holds(t: Any) -> None:
                for part in ir.type_parts(t):
                    if isinstance(part, ir.ObjT):
                        shown.add(root.get(part.name, part.name))

            for n in ir.walk(f.body):
                if isinstance(n, ir.Call):
                    called.add(n.func)
                    called.update(self.mod.callees(n))
                if isinstance(n, ir.NewExc) or (isinstance(n, ir.Intrinsic) and (
                        n.name in ("print", "str", "repr", "format") or "index" in n.name or "remove" in n.name)):
                    for a in n.args:
                        holds(a.ty)
                elif isinstance(n, ir.FormatField):
                    holds(n.expr.ty)
                elif isinstance(n, ir.Assert) and n.msg is not None:
                    holds(n.msg.ty)
                ty = getattr(n, "ty", None)
                if isinstance(ty, ir.DictT):
                    holds(ty.key)
                elif isinstance(ty, ir.SetT):
                    holds(ty.elem)
            facts[f.name] = (shown, called)
        dead = set(reprs)  # shrinks: only what live code shows or calls can run
        while True:
            shown_all: set[str] = set()
            called_all: set[str] = set()
            for fn, (sh, ca) in facts.items():
                if fn not in dead:
                    shown_all |= sh
                    called_all |= ca
            still = {fn for fn in dead if reprs[fn] not in shown_all and fn not in called_all}
            if still == dead:
                return dead
            dead = still

    def run(self) -> tuple[ir.Module, list[Diagnostic]]:
        m = self.mod.m
        dead = self.unprinted_reprs() if m.classes else set()
        roots = [(f.name, f.body) for f in m.functions if f.name not in dead] + [(m.main.name, m.main.body)]
        sites: list[tuple[ir.Coerce, Any, str]] = []
        reads: list[tuple[Any, Any, str, list]] = []
        for fn, body in roots:
            for n, ch in _nodes(body):
                if isinstance(n, ir.Coerce) and n.widen:
                    sites.append((n, ch, fn))
                elif isinstance(n, (ir.Local, ir.Global, ir.GetAttr, ir.Call, ir.CallValue)) and n.ty == ir.FLOAT:
                    reads.append((n, ch, fn, self.mod.reads(n, fn)))
        if not sites:
            return m, [], False
        # grow the tainted slots to a fixpoint (a partner's taint depends on them)
        site_out: list[tuple] = []
        slot_uses: dict[tuple, list[tuple]] = {}
        while True:
            before = set(self.tainted_slots)
            site_out = []
            for w, ch, fn in sites:
                self.fn = fn
                o = self.classify(w, ch)
                site_out.append(o)
                if o[0] == COPY:
                    self.tainted_slots.update(o[1])
            slot_uses = {}
            for n, ch, fn, slots in reads:
                hit = [s for s in slots if s in self.tainted_slots]
                if not hit:
                    continue
                self.fn = fn
                o = self.classify(n, ch)
                for s in hit:
                    slot_uses.setdefault(s, []).append(o)
                if o[0] == COPY:
                    self.tainted_slots.update(o[1])
            if self.tainted_slots == before:
                break
        diags: list[Diagnostic] = []
        exact: set[int] = set()
        for (w, _, _), o in zip(sites, site_out):
            seen: set[tuple] = set()
            todo = list(o[1]) if o[0] == COPY else []
            outs = [o]
            while todo:
                s = todo.pop()
                if s in seen:
                    continue
                seen.add(s)
                for u in slot_uses.get(s, []):
                    outs.append(u)
                    if u[0] == COPY:
                        todo.extend(u[1])
            bad = [u for u in outs if u[0] == UNSAFE]
            if bad:
                _, sp, why = min(bad, key=lambda u: (u[1].line, u[1].col))
                where = "here" if sp.line == w.span.line else f"on line {sp.line}"
                diags.append(make("int-float-mix", f"{w.widen} expects float but gets int; CPython keeps it an "
                                  f"int, and its use {where} would show that ({why}); write a float literal or "
                                  "convert with float()", w.span))
            elif any(u[0] == EXACT or (u[0] == COPY and u[2]) for u in outs):
                exact.add(id(w))
        if exact or self.wraps:
            m = _mark_exact(m, exact, self.wraps)
        return m, diags, True


def _mark_exact(node: Any, ids: set[int], wraps: dict[int, str]) -> Any:
    """`Coerce.exact` on the arrivals `ids`; the int arithmetic `wraps` checked (`float.int_exact`)."""
    if isinstance(node, tuple):
        new = tuple(_mark_exact(x, ids, wraps) for x in node)
        return node if all(a is b for a, b in zip(new, node)) else new
    if not dataclasses.is_dataclass(node) or isinstance(node, type) or ir._child_fields(type(node)) is None:
        return node
    if isinstance(node, (ir.Prim, ir.ListT, ir.DictT, ir.SetT, ir.TupleT, ir.OptionT, ir.IterT, ir.FuncT,
                         ir.NamedT, ir.ObjT, ir.EnumT, ir.ExcT, ir.UnionT, ir.ExcArgsT)):
        return node
    changes = {}
    for f in ir._child_fields(type(node)):
        v = getattr(node, f)
        nv = _mark_exact(v, ids, wraps)
        if nv is not v:
            changes[f] = nv
    if isinstance(node, ir.Coerce) and id(node) in ids:
        changes["exact"] = True
    out = dataclasses.replace(node, **changes) if changes else node
    if id(node) in wraps:  # its int operands exact too (an int variable past 2**53 would not be)
        ex = {f: dataclasses.replace(getattr(out, f), exact=True) for f in ("left", "right")
              if isinstance(getattr(out, f, None), ir.Coerce) and getattr(out, f).expr.ty == ir.INT}
        out = dataclasses.replace(out, **ex) if ex else out
        return ir.Intrinsic(wraps[id(node)], (out,), ir.FLOAT, node.span)
    return out


def check_module(m: ir.Module) -> tuple[ir.Module, list[Diagnostic], bool]:
    """The finished module with exactness checks where needed, the refused int arrivals, and
    whether there were any (then a verdict depends on code anywhere in the module: the
    engine's quick re-analysis of one function gives up)."""
    return _Checker(m).run()
