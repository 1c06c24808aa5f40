"""The fast scope walk (analyzers/scope.py) gives exactly the facts of libcst's visitor."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from portalis.analyzers import scope

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("tests/corpus/*.py"), *ROOT.glob("tests/refused/*.py"),
                *ROOT.glob("benchmarks/kernels/*.py"), *ROOT.glob("examples/*.py")])


def _functions(node):
    for s in getattr(node, "body", []):
        if isinstance(s, cst.FunctionDef):
            yield s
        elif isinstance(s, (cst.ClassDef, cst.If)):
            yield from _functions(s.body)


def _key(f: scope.ScopeFacts):
    return f.assigned, f.globals_declared, f.reads, f.handler_names


def test_fast_walk_matches_the_visitor():
    compared = 0
    for path in FILES:
        try:
            tree = cst.parse_module(path.read_text())
        except cst.ParserSyntaxError:
            continue  # refused fixtures with syntax errors
        for fn in _functions(tree):
            assert _key(scope.function_scope(fn.body)) == _key(scope._function_scope_visitor(fn.body)), \
                f"{path.name}: {fn.name.value}"
            compared += 1
        stmts = [s for s in tree.body if not isinstance(s, (cst.FunctionDef, cst.ClassDef))]
        assert _key(scope.module_scope(stmts)) == _key(scope._module_scope_visitor(stmts)), path.name
        compared += 1
    assert compared > 400, compared


def test_scopes_of_comprehensions_lambdas_and_globals():
    src = ("def f(xs):\n    global G\n    G = 1\n    a, (b, *c) = 1, (2, 3)\n    ys = [x for x in xs if x > a]\n"
           "    k = sorted(xs, key=lambda v: -v)\n    for i in range(3):\n        d += i\n    def inner():\n"
           "        z = 1\n    return obj.attr\n")
    fn = cst.parse_module(src).body[0]
    facts = scope.function_scope(fn.body)
    assert facts.assigned == ["a", "b", "c", "ys", "k", "i", "d"]
    assert facts.globals_declared == {"G"}
    assert "x" not in facts.reads and "v" not in facts.reads and "z" not in facts.reads
    assert {"xs", "a", "obj", "sorted", "range"} <= facts.reads
    assert _key(facts) == _key(scope._function_scope_visitor(fn.body))
