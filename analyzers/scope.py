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
    reads: set[str] = field(default_factory=set)  # every name that occurs (targets too)
    loads: set[str] = field(default_factory=set)  # names read (not only assigned)
    handler_names: set[str] = field(default_factory=set)  # `except E as NAME`: local to the scope
    nonlocals: set[str] = field(default_factory=set)  # `nonlocal NAME` (refused where it is lowered)


class _Collector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.facts = ScopeFacts()
        self._seen: set[str] = set()
        self._nested = 0  # inside comprehension / lambda
        self._bound: list[set[str]] = []  # names each enclosing comprehension / lambda binds
        self._stores: set[cst.Name] = set()  # target names that are only assigned
        self._not_names: set[cst.Name] = set()  # `x.attr` and `f(keyword=...)`: not variables

    def _assign(self, name: str) -> None:
        if self._nested:
            return
        if name not in self._seen:
            self._seen.add(name)
            self.facts.assigned.append(name)

    def _targets(self, t: cst.BaseExpression, store: bool = True) -> None:
        if isinstance(t, cst.Name):
            self._assign(t.value)
            if store:
                self._stores.add(t)
        elif isinstance(t, (cst.Tuple, cst.List)):
            for el in t.elements:
                self._targets(el.value, store)
        elif isinstance(t, cst.StarredElement):
            self._targets(t.value, store)

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._targets(t.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._targets(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._targets(node.target, store=False)  # `x += 1` reads x too

    def visit_For(self, node: cst.For) -> None:
        self._targets(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._targets(node.asname.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        # a walrus in a comprehension binds in the function around it (PEP 572)
        nested, self._nested = self._nested, 0
        self._targets(node.target)
        self._nested = nested

    def visit_MatchAs(self, node: cst.MatchAs | cst.MatchStar) -> None:  # a `case` pattern's capture
        if node.name is not None:
            self._targets(node.name)

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        self.visit_MatchAs(node)

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self._targets(node.rest)

    def visit_MatchKeywordElement(self, node: cst.MatchKeywordElement) -> None:
        self._not_names.add(node.key)  # `case Point(x=0)`: an attribute name

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name) and not self._nested:
            self.facts.handler_names.add(node.name.name.value)

    def visit_Global(self, node: cst.Global) -> None:
        for n in node.names:
            self.facts.globals_declared.add(n.name.value)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for n in node.names:
            self.facts.nonlocals.add(n.name.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._not_names.add(node.attr)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._not_names.add(node.keyword)

    def visit_Name(self, node: cst.Name) -> None:
        if node in self._not_names:
            return
        if any(node.value in b for b in self._bound):
            return  # a comprehension / lambda variable, not a name of this scope
        self.facts.reads.add(node.value)
        if node not in self._stores:
            self.facts.loads.add(node.value)

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


# The same facts without libcst's visitor machinery: a walk over the nodes' fields in source
# order, skipping whitespace and punctuation, calling the collector's handlers as the visitor
# would (benchmarks/kernels/fifty_lines.py's 45-line function: 12.1 ms -> 3.1 ms; the same
# facts for every function of the corpus, see tests/test_scope.py).
_BINDS = {cst.Assign: _Collector.visit_Assign, cst.AnnAssign: _Collector.visit_AnnAssign,
          cst.AugAssign: _Collector.visit_AugAssign, cst.For: _Collector.visit_For,
          cst.NamedExpr: _Collector.visit_NamedExpr, cst.Global: _Collector.visit_Global,
          cst.Nonlocal: _Collector.visit_Nonlocal,
          cst.ExceptHandler: _Collector.visit_ExceptHandler, cst.Attribute: _Collector.visit_Attribute,
          cst.Arg: _Collector.visit_Arg, cst.WithItem: _Collector.visit_WithItem,
          cst.MatchAs: _Collector.visit_MatchAs, cst.MatchStar: _Collector.visit_MatchStar,
          cst.MatchMapping: _Collector.visit_MatchMapping,
          cst.MatchKeywordElement: _Collector.visit_MatchKeywordElement}
_SCOPES = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
_NOT_OURS = (cst.FunctionDef, cst.ClassDef)
_TRIVIA = (cst.BaseParenthesizableWhitespace, cst.EmptyLine, cst.TrailingWhitespace, cst.Newline, cst.Comment,
           cst.MaybeSentinel)
_FIELDS: dict[type, tuple[str, ...]] = {}


class ByClass(dict):
    """cls -> `fact(cls)`, computed once per class: `isinstance` against libcst's node classes
    (ABCs) costs ~0.25 µs a call, a dict look-up ~0.03 µs (the walks below ask it of every node)."""

    def __init__(self, fact) -> None:
        super().__init__()
        self.fact = fact

    def __missing__(self, cls: type) -> bool:
        v = self[cls] = self.fact(cls)
        return v


WALKED = ByClass(lambda cls: issubclass(cls, cst.CSTNode) and not issubclass(cls, _TRIVIA))  # not trivia
_IS_SCOPE = ByClass(lambda cls: issubclass(cls, _SCOPES))
_IS_NOT_OURS = ByClass(lambda cls: issubclass(cls, _NOT_OURS))


# fields that only ever hold punctuation, whitespace or comments (never a name)
_TRIVIA_FIELDS = {"lpar", "rpar", "leading_lines", "lines_after_decorators", "header", "footer", "comma",
                  "semicolon", "dot", "colon", "equal", "operator", "indent", "newline", "lbracket", "rbracket",
                  "lbrace", "rbrace", "asynchronous", "star", "arrow"}


def _fields(cls: type) -> tuple[str, ...]:
    fs = _FIELDS.get(cls)
    if fs is None:
        import dataclasses
        fs = tuple(f.name for f in dataclasses.fields(cls)
                   if f.name not in _TRIVIA_FIELDS and not f.name.startswith("whitespace"))
        _FIELDS[cls] = fs
    return fs


def _walk(node: cst.CSTNode, c: _Collector) -> None:
    cls = type(node)
    if cls is cst.Name:
        c.visit_Name(node)  # type: ignore[arg-type]
        return
    if _IS_NOT_OURS[cls]:
        return
    bind = _BINDS.get(cls)
    if bind is not None:
        bind(c, node)
    scoped = _IS_SCOPE[cls]
    if scoped:
        c._enter(node)
    for f in _fields(cls):
        v = getattr(node, f)
        if type(v) is tuple or type(v) is list:
            for x in v:
                if WALKED[type(x)]:
                    _walk(x, c)
        elif WALKED[type(v)]:
            _walk(v, c)
    if scoped:
        c._leave(node)


def function_scope(body: cst.CSTNode) -> ScopeFacts:
    c = _Collector()
    _walk(body, c)
    facts = c.facts
    facts.assigned = [n for n in facts.assigned if n not in facts.globals_declared and n not in facts.nonlocals
                      and (n != "_" or n in facts.loads)]
    return facts


def module_scope(stmts: list[cst.CSTNode]) -> ScopeFacts:
    c = _Collector()
    for s in stmts:
        _walk(s, c)
    c.facts.assigned = [n for n in c.facts.assigned if n != "_" or n in c.facts.loads]
    return c.facts


def _function_scope_visitor(body: cst.CSTNode) -> ScopeFacts:
    """The reference implementation (libcst's visitor), for tests."""
    c = _Collector()
    body.visit(c)
    facts = c.facts
    facts.assigned = [n for n in facts.assigned if n not in facts.globals_declared and n not in facts.nonlocals
                      and (n != "_" or n in facts.loads)]
    return facts


def _module_scope_visitor(stmts: list[cst.CSTNode]) -> ScopeFacts:
    c = _Collector()
    for s in stmts:
        s.visit(c)
    c.facts.assigned = [n for n in c.facts.assigned if n != "_" or n in c.facts.loads]
    return c.facts


def _target_names(t: cst.BaseExpression) -> list[cst.Name]:
    if isinstance(t, cst.Name):
        return [t]
    if isinstance(t, (cst.Tuple, cst.List)):
        return [n for el in t.elements for n in _target_names(el.value)]
    if isinstance(t, cst.StarredElement):
        return _target_names(t.value)
    return []


def first_name(node: cst.CSTNode, name: str) -> cst.Name | None:
    """The first `Name` node in `node` that reads or binds the variable `name` (an attribute's
    name, `x.name`, is none), for a diagnostic's position; None if there is none."""
    found: list[cst.Name] = []

    class V(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            if n.value == name and not found:
                found.append(n)

        def visit_Attribute(self, n: cst.Attribute) -> bool:
            n.value.visit(self)
            return False
    node.visit(V())
    return found[0] if found else None


def statement_blocks(s: cst.CSTNode) -> list[list[cst.CSTNode]]:
    """The statement lists a compound statement holds: its body, then `else`/`finally` (an `elif`
    as the one `If` it is), the `except` handlers and the `case` bodies of a `match`. A body
    written on its header's line (`if x: a = 1`) is the one `SimpleStatementSuite` it is."""
    def stmts(b: cst.CSTNode) -> list[cst.CSTNode]:
        if isinstance(b, cst.IndentedBlock):
            return list(b.body)
        return [b] if isinstance(b, (cst.SimpleStatementSuite, cst.If)) else []

    out = []
    for attr in ("body", "orelse", "finalbody"):
        b = getattr(s, attr, None)
        if isinstance(b, (cst.Else, cst.Finally)):
            b = b.body
        if b is not None:
            out.append(stmts(b))
    for h in getattr(s, "handlers", ()):
        out.append(stmts(h.body))
    for c in getattr(s, "cases", ()):
        out.append(stmts(c.body))
    return out


def walrus_targets(exprs) -> frozenset[str]:
    """The names the walruses in `exprs` assign."""
    out: set[str] = set()
    stack = list(exprs)
    while stack:
        n = stack.pop()
        if isinstance(n, cst.NamedExpr) and isinstance(n.target, cst.Name):
            out.add(n.target.value)
        stack.extend(n.children)
    return frozenset(out)
