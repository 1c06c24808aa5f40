"""Scopes: which names a function assigns, declares `global`, or reads.

Pure syntactic facts over libcst nodes, computed once per function. Python's rule: a
name assigned anywhere in a function body is local to the whole body unless declared
`global`. Comprehension and lambda variables are scoped to themselves and are not
reported here. Must not look at types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst


@dataclass
class ScopeFacts:
    assigned: list[str] = field(default_factory=list)  # in first-assignment order
    globals_declared: set[str] = field(default_factory=set)
    reads: set[str] = field(default_factory=set)


class _Collector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.facts = ScopeFacts()
        self._seen: set[str] = set()
        self._nested = 0  # inside comprehension / lambda
        self._bound: list[set[str]] = []  # names each enclosing comprehension / lambda binds

    def _assign(self, name: str) -> None:
        if self._nested:
            return
        if name not in self._seen:
            self._seen.add(name)
            self.facts.assigned.append(name)

    def _targets(self, t: cst.BaseExpression) -> None:
        if isinstance(t, cst.Name):
            self._assign(t.value)
        elif isinstance(t, (cst.Tuple, cst.List)):
            for el in t.elements:
                self._targets(el.value)
        elif isinstance(t, cst.StarredElement):
            self._targets(t.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._targets(t.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._targets(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._targets(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._targets(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._targets(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        for n in node.names:
            self.facts.globals_declared.add(n.name.value)

    def visit_Name(self, node: cst.Name) -> None:
        if any(node.value in b for b in self._bound):
            return  # a comprehension / lambda variable, not a name of this scope
        self.facts.reads.add(node.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # nested functions are refused elsewhere; their names are not ours

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def _enter(self, node: cst.CSTNode) -> None:
        self._nested += 1
        bound: set[str] = set()
        if isinstance(node, cst.Lambda):
            bound = {p.name.value for p in node.params.params}
        else:
            cf = getattr(node, "for_in", None)
            while cf is not None:
                bound |= {n.value for n in _target_names(cf.target)}
                cf = cf.inner_for_in
        self._bound.append(bound)

    def _leave(self, node: cst.CSTNode) -> None:
        self._nested -= 1
        self._bound.pop()

    visit_Lambda = _enter  # type: ignore[assignment]
    leave_Lambda = _leave  # type: ignore[assignment]
    visit_ListComp = _enter  # type: ignore[assignment]
    leave_ListComp = _leave  # type: ignore[assignment]
    visit_SetComp = _enter  # type: ignore[assignment]
    leave_SetComp = _leave  # type: ignore[assignment]
    visit_DictComp = _enter  # type: ignore[assignment]
    leave_DictComp = _leave  # type: ignore[assignment]
    visit_GeneratorExp = _enter  # type: ignore[assignment]
    leave_GeneratorExp = _leave  # type: ignore[assignment]


def function_scope(body: cst.CSTNode) -> ScopeFacts:
    c = _Collector()
    body.visit(c)
    facts = c.facts
    facts.assigned = [n for n in facts.assigned if n not in facts.globals_declared and n != "_"]
    return facts


def module_scope(stmts: list[cst.CSTNode]) -> ScopeFacts:
    c = _Collector()
    for s in stmts:
        s.visit(c)
    c.facts.assigned = [n for n in c.facts.assigned if n != "_"]
    return c.facts


def _target_names(t: cst.BaseExpression) -> list[cst.Name]:
    if isinstance(t, cst.Name):
        return [t]
    if isinstance(t, (cst.Tuple, cst.List)):
        return [n for el in t.elements for n in _target_names(el.value)]
    if isinstance(t, cst.StarredElement):
        return _target_names(t.value)
    return []
