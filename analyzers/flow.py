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

    def reads(self, node: Any, st: frozenset, bound: frozenset = frozenset()) -> None:
        if isinstance(node, ir.Local):
            if node.name not in st and node.name not in bound and node.name not in self.reported:
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

    def block(self, stmts: tuple, st: State) -> State:
        for s in stmts:
            if st is None:
                return None  # unreachable code: Python never runs it either
            st = self.stmt(s, st)
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
            return self.target(s.target, st)
        if isinstance(s, ir.AugAssign):
            self.reads(s.value, st)
            if isinstance(s.target, ir.NameTarget) and not s.target.is_global:
                self.reads(ir.Local(s.target.name, s.target.ty, s.span), st)
            return self.target(s.target, st)
        if isinstance(s, (ir.ExprStmt, ir.Assert, ir.DelItem, ir.DelSlice)):
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
            if isinstance(s.cond, ir.Const) and s.cond.value is True:
                return self.block(s.body, st)
            return _join(self.block(s.body, st), self.block(s.orelse, st))
        if isinstance(s, ir.While):
            self.reads(s.cond, st)
            self.block(s.body, st)
            brk = self.breaks.pop(s.label, None) if s.label in self.breaks else None
            if isinstance(s.cond, ir.Const) and s.cond.value is True:
                return brk  # only a break leaves `while True` (its else never runs)
            done = self.block(s.orelse, st) if s.orelse else st  # the loop ended without break
            return _join(done, brk) if brk is not None else done
        if isinstance(s, ir.For):
            self.reads(s.iter, st)
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
