"""Definite assignment over the IR: refuse reads of names that may be unbound.

Python raises `UnboundLocalError` at run time on such a read; the Rust side declares
every local up front, so without this check the read would silently see a default value.
The analysis is deliberately conservative (a loop body may run zero times; an exception
may leave a `try` body at any point) and reports `possibly-unbound` at the read. Pure: it
only reads `ir` nodes.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Optional

from portalis import ir
from portalis.diagnostics import Diagnostic, make

State = Optional[frozenset]  # None: this point is unreachable (after return/raise/break/continue)


def _join(a: State, b: State) -> State:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


class _Checker:
    def __init__(self) -> None:
        self.diags: list[Diagnostic] = []
        self.reported: set[str] = set()
        self.breaks: dict[int, State] = {}
        self.walrus: set[str] = set()  # bound by a walrus earlier in the statement being read

    def reads(self, node: Any, st: frozenset, bound: frozenset = frozenset()) -> None:
        """Report the reads in `node` of names not bound by then; a walrus that always runs
        binds its name for what follows (`self.walrus`, moved into the state by `stmt`)."""
        if isinstance(node, ir.AssignExpr):
            self.reads(node.value, st, bound)
            self.walrus.add(node.target.name)
            return
        if isinstance(node, ir.BoolOp):  # the right operand may not run
            self.reads(node.left, st, bound)
            self.conditional((node.right,), st, bound)
            return
        if isinstance(node, ir.IfExp):
            self.reads(node.cond, st, bound)
            self.conditional((node.then,), st, bound)
            self.conditional((node.orelse,), st, bound)
            return
        if isinstance(node, ir.Local):
            if node.name not in st and node.name not in self.walrus and node.name not in bound \
                    and node.name not in self.reported:
                self.reported.add(node.name)
                self.diags.append(make("possibly-unbound", f"`{node.name}` may be used before it is assigned "
                                       "(Python would raise UnboundLocalError); assign it on every path first", node.span))
            return
        if isinstance(node, ir.Comprehension):
            inner = bound
            for g in node.gens:
                self.reads(g.iter, st, inner)
                inner = inner | frozenset(_names(g.target))
                for c in g.conds:
                    self.reads(c, st, inner)
            self.reads(node.elt, st, inner)
            return
        if isinstance(node, ir.Lambda):
            self.reads(node.body, st, bound | frozenset(n for n, _ in node.params))
            return
        if isinstance(node, ir.Intrinsic) and node.name in ("ni.op", "obj.sum"):  # bind names (analyzers/protocols.py)
            self.reads(node.args, st, bound | frozenset(dict(node.kwargs)["names"].value.split(";")))
            return
        if isinstance(node, tuple):
            for x in node:
                self.reads(x, st, bound)
            return
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            for f in dataclasses.fields(node):
                if f.name in ("ty", "span"):
                    continue
                self.reads(getattr(node, f.name), st, bound)

    def conditional(self, nodes: tuple, st: frozenset, bound: frozenset) -> None:
        """Reads in code that may not run: what a walrus binds there holds inside it only."""
        saved = set(self.walrus)
        for x in nodes:
            self.reads(x, st, bound)
        self.walrus = saved

    def take(self, st: frozenset) -> frozenset:
        """`st` with the names the last expressions' walruses bound."""
        out = st | frozenset(self.walrus)
        self.walrus.clear()
        return out

    def block(self, stmts: tuple, st: State) -> State:
        for s in stmts:
            if st is None:
                return None  # unreachable code: Python never runs it either
            st = self.stmt(s, st)
            if st is not None:
                st = self.take(st)
            else:
                self.walrus.clear()
        return st

    def target(self, t: ir.Target, st: frozenset) -> frozenset:
        if isinstance(t, ir.IndexTarget):
            self.reads(t.obj, st)
            self.reads(t.index, st)
            return st
        if isinstance(t, ir.SliceTarget):
            for e in (t.obj, t.lower, t.upper, t.step):
                self.reads(e, st)
            return st
        return st | frozenset(_names(t))

    def stmt(self, s: Any, st: frozenset) -> State:
        if isinstance(s, ir.Assign):
            self.reads(s.value, st)
            return self.target(s.target, self.take(st))
        if isinstance(s, ir.AugAssign):
            self.reads(s.value, st)
            st = self.take(st)
            if isinstance(s.target, ir.NameTarget) and not s.target.is_global:
                self.reads(ir.Local(s.target.name, s.target.ty, s.span), st)
            return self.target(s.target, st)
        if isinstance(s, (ir.ExprStmt, ir.Assert, ir.DelItem, ir.DelSlice, ir.Yield)):
            self.reads(s, st)
            return st
        if isinstance(s, ir.Return):
            self.reads(s.value, st)
            return None
        if isinstance(s, ir.Raise):
            self.reads(s.exc, st)
            return None
        if isinstance(s, ir.Break):
            self.breaks[s.label] = _join(self.breaks.get(s.label, None), st) if s.label in self.breaks else st
            return None
        if isinstance(s, ir.Continue):
            return None
        if isinstance(s, ir.If):
            self.reads(s.cond, st)
            st = self.take(st)
            if isinstance(s.cond, ir.Const) and s.cond.value is True:
                return self.block(s.body, st)
            return _join(self.block(s.body, st | _bound_if_true(s.cond)), self.block(s.orelse, st))
        if isinstance(s, ir.While):
            self.reads(s.cond, st)
            st = self.take(st)  # the condition runs before the body and before the loop ends
            self.block(s.body, st | _bound_if_true(s.cond))
            brk = self.breaks.pop(s.label, None) if s.label in self.breaks else None
            if isinstance(s.cond, ir.Const) and s.cond.value is True:
                return brk  # only a break leaves `while True` (its else never runs)
            done = self.block(s.orelse, st) if s.orelse else st  # the loop ended without break
            return _join(done, brk) if brk is not None else done
        if isinstance(s, ir.For):
            self.reads(s.iter, st)
            st = self.take(st)
            self.block(s.body, self.target(s.target, st))
            brk = self.breaks.pop(s.label, None)
            if s.orelse:  # conservative: after the loop, what holds on both ways out
                done = self.block(s.orelse, st)
                return _join(done, brk) if brk is not None else done
            return st
        if isinstance(s, ir.Try):
            body_end = self.block(s.body, st)
            body_end = self.block(s.orelse, body_end) if body_end is not None else None
            out = body_end
            for h in s.handlers:
                end = self.block(h.body, st | {h.name})
                out = _join(out, None if end is None else end - {h.name})
            if s.final:
                fin = self.block(s.final, st)
                if out is None or fin is None:
                    return None
                return out | (fin - st) | st
            return out
        if isinstance(s, ir.Pass):
            return st
        if isinstance(s, ir.GlobalInit):
            self.reads(s.value, st)
            return st
        raise AssertionError(f"flow: unhandled {type(s).__name__}")


def _bound_if_true(cond: Any) -> frozenset:
    """Names a walrus in `cond` has certainly stored when `cond` is true: in every operand of an
    `and` chain, outside the parts of each that may not run."""
    if isinstance(cond, ir.BoolOp) and cond.op == "and":
        return _bound_if_true(cond.left) | _bound_if_true(cond.right)
    return frozenset(_sure_walrus(cond))


def _sure_walrus(node: Any) -> list[str]:
    """The names walruses in `node` store whenever `node` is evaluated."""
    if isinstance(node, ir.AssignExpr):
        return [node.target.name, *_sure_walrus(node.value)]
    if isinstance(node, ir.BoolOp):
        return _sure_walrus(node.left)
    if isinstance(node, ir.IfExp):
        return _sure_walrus(node.cond)
    if isinstance(node, (ir.Comprehension, ir.Lambda)):
        return []
    if isinstance(node, tuple):
        return [n for x in node for n in _sure_walrus(x)]
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return [n for f in dataclasses.fields(node) if f.name not in ("ty", "span")
                for n in _sure_walrus(getattr(node, f.name))]
    return []


def _names(t: Any) -> list[str]:
    if isinstance(t, ir.NameTarget):
        return [] if t.is_global else [t.name]
    if isinstance(t, ir.TupleTarget):
        return [n for i in t.items for n in _names(i)]
    return []


def check_definite_assignment(module: ir.Module) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for f in (*module.functions, module.main):
        c = _Checker()
        c.block(f.body, frozenset(n for n, _ in f.params))
        out.extend(c.diags)
    return out
