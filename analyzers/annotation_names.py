"""Annotations CPython evaluates, naming something the program rebinds.

Without `from __future__ import annotations`, CPython 3.11 evaluates a function's parameter and
return annotations when its `def` runs, and a variable annotation at module or class level
when that statement runs (not one in a function body, PEP 526), in the scope around them: the
module's names, a class body's own, an enclosing function's locals, then the builtins.
Portalis reads annotations as static types. The two agree unless a name in an annotation is
one the program binds to something else: `type = ''` and later `et: Optional[type]` raises
IndexError in CPython when the class is defined (`Optional['']` is a forward reference to an
empty name), `def list(self)` in a class makes a later method's `-> list[int]` a TypeError
(a function is not subscriptable), and so on through `typing`'s checks. Reproducing those
checks is not the point; such an annotation is refused at the name. A bare name as the whole
annotation (`x: int` with `int` rebound) is accepted: CPython stores the value and never fails.

Pure: a function of the libcst tree (analyzers.lower reports what it returns).
"""

from __future__ import annotations

import libcst as cst

from portalis.analyzers.scope import WALKED, _fields, _target_names, statement_blocks


def rebound_annotation_names(module: cst.Module) -> list[tuple[cst.Name, str]]:
    """Each name in an annotation CPython evaluates that the program has bound by then in the
    scope the annotation is evaluated in, with a message. Module and class bodies in source
    order (a name bound after the definition is still the builtin when it runs), plus every
    name a function declares `global`; an enclosing function's locals wherever they are bound
    (before: the program's value; after: UnboundLocalError)."""
    if _future_annotations(module):
        return []
    out: list[tuple[cst.Name, str]] = []
    _visit_block(module.body, [set(_global_assigned(module))], out, kind="module")
    return out


def _future_annotations(module: cst.Module) -> bool:
    for s in module.body:
        if isinstance(s, cst.SimpleStatementLine):
            for x in s.body:
                if (isinstance(x, cst.ImportFrom) and isinstance(x.module, cst.Name) and x.module.value == "__future__"
                        and not isinstance(x.names, cst.ImportStar)
                        and any(a.evaluated_name == "annotations" for a in x.names)):
                    return True
    return False


def _visit_block(body, scopes: list[set[str]], out: list, kind: str) -> None:
    """The statements of a module, class or function body (``kind``) and the blocks nested in
    them; ``scopes[-1]`` is the body's own scope, which grows as its statements bind names
    (module and class bodies; a function's holds all its locals from the start)."""
    for s in body:
        if isinstance(s, cst.FunctionDef):
            params = _params(s.params)
            for p in params:
                if p.annotation is not None:
                    _check(p.annotation.annotation, scopes, out, bare_ok=kind != "function")
            if s.returns is not None:
                _check(s.returns.annotation, scopes, out, bare_ok=kind != "function")
            inner = s.body.body if isinstance(s.body, cst.IndentedBlock) else []
            _visit_block(inner, [*scopes, _bound(inner) | {p.name.value for p in params}], out, kind="function")
        elif isinstance(s, cst.ClassDef):
            inner = s.body.body if isinstance(s.body, cst.IndentedBlock) else []
            _visit_block(inner, [*scopes, set()], out, kind="class")
        elif isinstance(s, cst.SimpleStatementLine):
            for x in s.body:
                if isinstance(x, cst.AnnAssign) and kind != "function":
                    _check(x.annotation.annotation, scopes, out, bare_ok=True)
        else:  # if / for / while / try / with: the same scope
            for block in statement_blocks(s):
                _visit_block(block, scopes, out, kind)
        if kind != "function":
            scopes[-1].update(_bound([s], classes_too=kind == "class"))


def _check(ann: cst.BaseExpression, scopes: list[set[str]], out: list, bare_ok: bool) -> None:
    if isinstance(ann, (cst.SimpleString, cst.ConcatenatedString)) or (bare_ok and isinstance(ann, cst.Name)):
        return  # stored as it is: never fails
    for n in _names(ann):
        if any(n.value in s for s in scopes):
            out.append((n, f"`{n.value}` in this annotation is a name the program binds itself: CPython evaluates the "
                           f"annotation when the definition runs, with the program's `{n.value}` (it may raise), "
                           "where Portalis reads the usual type; rename the variable"))


def _names(e: cst.CSTNode) -> list[cst.Name]:
    """The names an annotation expression reads (not attribute names, not string contents)."""
    out: list[cst.Name] = []

    def walk(x: cst.CSTNode) -> None:
        if isinstance(x, cst.Name):
            out.append(x)
        elif isinstance(x, cst.Attribute):
            walk(x.value)
        elif isinstance(x, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
            return
        else:
            for c in x.children:
                walk(c)
    walk(e)
    return out


def _params(p: cst.Parameters) -> list[cst.Param]:
    ps = [*p.posonly_params, *p.params, *p.kwonly_params]
    if isinstance(p.star_arg, cst.Param):
        ps.append(p.star_arg)
    if p.star_kwarg is not None:
        ps.append(p.star_kwarg)
    return ps


def _bound(body, classes_too: bool = False) -> set[str]:
    """Names a block binds (not inside nested functions or classes): assignment, loop, `with`,
    `except` and import targets, walrus targets and functions; classes only in a class body
    (a module's classes are the types its annotations name; a class body's nested class is
    not what a method's annotation means by that name in Portalis either, but CPython reads it).

    A direct walk over the nodes' fields (as analyzers/scope.py's), the same names as libcst's
    visitor (the reference in tests/test_annotation_names_walk.py) in a fraction of the time."""
    out: set[str] = set()
    for s in body:
        _bound_walk(s, out, classes_too)
    return out


_NOT_BOUND_HERE = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


def _bound_walk(node: cst.CSTNode, out: set[str], classes_too: bool) -> None:
    cls = type(node)
    if cls is cst.Name:
        return
    if cls is cst.FunctionDef:
        out.add(node.name.value)  # type: ignore[attr-defined]
        return
    if cls is cst.ClassDef:
        if classes_too:
            out.add(node.name.value)  # type: ignore[attr-defined]
        return
    if cls in _NOT_BOUND_HERE:
        return  # its own scope (a walrus inside binds outside, too rare to matter here)
    if cls is cst.Assign:
        if not _defines_type(node.value):  # type: ignore[attr-defined]
            for t in node.targets:  # type: ignore[attr-defined]
                _targets(t.target, out)
    elif cls is cst.AnnAssign:
        if node.value is not None:  # type: ignore[attr-defined]
            _targets(node.target, out)  # type: ignore[attr-defined]
    elif cls is cst.AugAssign or cls is cst.For or cls is cst.NamedExpr:
        _targets(node.target, out)  # type: ignore[attr-defined]
    elif cls is cst.WithItem or cls is cst.ImportAlias:
        if node.asname is not None:  # type: ignore[attr-defined]
            _targets(node.asname.name, out)  # type: ignore[attr-defined]
    elif cls is cst.ExceptHandler:
        if node.name is not None:  # type: ignore[attr-defined]
            _targets(node.name.name, out)  # type: ignore[attr-defined]
    for f in _fields(cls):
        v = getattr(node, f)
        if type(v) is tuple or type(v) is list:
            for x in v:
                if WALKED[type(x)]:
                    _bound_walk(x, out, classes_too)
        elif WALKED[type(v)]:
            _bound_walk(v, out, classes_too)


_TYPE_FACTORIES = {"namedtuple", "NamedTuple", "NewType", "TypeVar", "TypedDict"}


def _defines_type(v: cst.BaseExpression) -> bool:
    """A value that makes a type: a named-tuple (or similar) factory call, or a type alias
    (`list[float]`, `int | None`, `Optional[str]`, another type's name)."""
    if isinstance(v, cst.Call):
        f = v.func
        name = f.value if isinstance(f, cst.Name) else f.attr.value if isinstance(f, cst.Attribute) else ""
        return name in _TYPE_FACTORIES
    if isinstance(v, cst.BinaryOperation):
        return isinstance(v.operator, cst.BitOr) and _defines_type(v.left) and _defines_type(v.right)
    return isinstance(v, (cst.Subscript, cst.Name, cst.Attribute))


def _targets(t: cst.BaseExpression, out: set[str]) -> None:
    out.update(n.value for n in _target_names(t))


def _global_assigned(module: cst.Module) -> set[str]:
    """Names a function declares `global` (it may bind them at module level when it runs).
    `global` is a statement: a walk over the statements only (the libcst visitor it
    replaces is the reference in tests/test_annotation_names_walk.py)."""
    out: set[str] = set()
    _globals_in(module.body, out)
    return out


def _globals_in(stmts, out: set[str]) -> None:
    for s in stmts:
        if isinstance(s, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            for x in s.body:
                if isinstance(x, cst.Global):
                    out.update(n.name.value for n in x.names)
        else:
            for block in statement_blocks(s):
                _globals_in(block, out)
