"""The fast walks of analyzers/annotation_names.py give exactly the names of libcst's visitor."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from portalis.analyzers import annotation_names as an
from portalis.analyzers.scope import statement_blocks

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("tests/corpus/*.py"), *ROOT.glob("tests/refused/*.py"),
                *ROOT.glob("benchmarks/kernels/*.py"), *ROOT.glob("examples/*.py")])


def _bound_visitor(body, classes_too: bool = False) -> set[str]:
    """The reference for `an._bound`: libcst's visitor, which it replaced."""
    out: set[str] = set()

    class V(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            out.add(node.name.value)
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            if classes_too:
                out.add(node.name.value)
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_Assign(self, node: cst.Assign) -> None:
            if an._defines_type(node.value):
                return  # `Sale = namedtuple(...)`, `Vector = list[float]`: a type, as annotations mean it
            for t in node.targets:
                an._targets(t.target, out)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            if node.value is not None:
                an._targets(node.target, out)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            an._targets(node.target, out)

        def visit_For(self, node: cst.For) -> None:
            an._targets(node.target, out)

        def visit_WithItem(self, node: cst.WithItem) -> None:
            if node.asname is not None:
                an._targets(node.asname.name, out)

        def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
            if node.name is not None:
                an._targets(node.name.name, out)

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            an._targets(node.target, out)

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            if node.asname is not None:
                an._targets(node.asname.name, out)

        def visit_ListComp(self, node: cst.ListComp) -> bool:
            return False  # its own scope (a walrus inside binds outside, too rare to matter here)

        visit_SetComp = visit_DictComp = visit_GeneratorExp = visit_ListComp  # type: ignore[assignment]

    v = V()
    for s in body:
        s.visit(v)
    return out


def _global_assigned_visitor(module: cst.Module) -> set[str]:
    """The reference for `an._global_assigned`: libcst's visitor, which it replaced."""
    out: set[str] = set()

    class V(cst.CSTVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            out.update(n.name.value for n in node.names)

    module.visit(V())
    return out


def _blocks(stmts):
    """Every statement list in `stmts`, nested ones (function and class bodies too) included."""
    yield stmts
    for s in stmts:
        if not isinstance(s, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            for b in statement_blocks(s):
                yield from _blocks(b)


def _check(tree: cst.Module) -> int:
    assert an._global_assigned(tree) == _global_assigned_visitor(tree)
    n = 0
    for block in _blocks(list(tree.body)):
        for classes_too in (False, True):
            assert an._bound(block, classes_too) == _bound_visitor(block, classes_too)
        n += 1
    return n


def test_fast_walks_match_the_visitor():
    compared = 0
    for path in FILES:
        try:
            tree = cst.parse_module(path.read_text())
        except cst.ParserSyntaxError:
            continue  # refused fixtures with syntax errors
        compared += _check(tree)
    assert compared > 1000, compared


def test_binding_forms():
    src = ("import os as o, sys\nfrom m import a as b\nx = 1\ny: int = 2\nz: int\nw += 1\nfor i, (j, *k) in q: pass\n"
           "with f() as (u, v), g(): pass\ntry:\n    pass\nexcept E as e:\n    global G1\nif (n := 3): pass\n"
           "T = list[int]\nR = namedtuple('R', 'a')\nS = (t := 1)\nl = [(c := 1) for _ in q]\nf2 = lambda: (d := 1)\n"
           "def fn(p=(h := 1)):\n    global G2\n    r = 1\nclass C:\n    s = 1\n    class D: pass\n"
           "while x: global G3\nelse: m2 = 1\nmatch x:\n    case 1:\n        mm = 2\n")
    tree = cst.parse_module(src)
    assert an._bound(list(tree.body)) == {"o", "b", "x", "y", "w", "i", "j", "k", "u", "v", "e", "n", "S", "t", "l",
                                          "f2", "fn", "m2", "mm"}
    assert an._bound(list(tree.body), classes_too=True) == an._bound(list(tree.body)) | {"C"}
    assert an._global_assigned(tree) == {"G1", "G2", "G3"}
    _check(tree)
