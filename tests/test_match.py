"""`match` statements (analyzers/matching.py): what runs is checked against CPython in the
corpus (tests/corpus/edge_match_*.py, union_match_json.py, class_match_args.py); here, the
shapes that stay refused (each with the reason it names), the cases that can never match, and
the subject evaluated once."""

from __future__ import annotations

import pytest

from portalis import ir
from portalis.pipeline import translate_source

REFUSED = [  # (a function body over `v`, its parameter annotation, error code, part of the message)
    ("match v:\n    case n if (m := n) > 1:\n        print(m)\n", "int", "a walrus in a `case` guard"),
    ("match v:\n    case True:\n        print(1)\n", "int | bool", "`case True` on a value of several types"),
    ("match v:\n    case Foo():\n        print(1)\n", "int", "only classes of this module and builtin types"),
    ("match v:\n    case int(a, b):\n        print(a)\n", "int", "accepts one positional sub-pattern"),
    ("match v:\n    case int(real=0):\n        print(0)\n", "int", "keyword sub-patterns of `int()`"),
    ("match v:\n    case P(1):\n        print(1)\n", "P", "has no `__match_args__`"),
    ("match v:\n    case Q(1, 2):\n        print(1)\n", "Q", "accepts 1 positional sub-pattern"),
    ("match v:\n    case Q(1, x=2):\n        print(1)\n", "Q", "gets the attribute `x` twice"),
    # CPython binds x before the guard fails; the print after the match would show it
    ("x = 0\nmatch v:\n    case x if x > 5:\n        pass\nprint(x)\n", "int", "used outside the cases"),
    # ... and before the second item fails to match
    ("x = 0\nmatch v:\n    case (x, 0):\n        pass\nprint(x)\n", "tuple[int, int]", "used outside the cases"),
]

CLASSES = ("class P:\n    def __init__(self, x: int) -> None:\n        self.x = x\n\n\n"
           "from dataclasses import dataclass\n\n\n@dataclass\nclass Q:\n    x: int\n\n\n")


def _program(body: str, ann: str) -> str:
    inner = "".join("    " + line + "\n" for line in body.splitlines())
    return CLASSES + f"def f(v: {ann}) -> None:\n{inner}"


@pytest.mark.parametrize("body,ann,part", REFUSED)
def test_refused_with_its_reason(body, ann, part):
    src = _program(body, ann)
    errs = [d for d in translate_source(src, "m.py").diagnostics if d.severity.value == "error"]
    assert errs, "translated:\n" + src
    assert errs[0].code == "unsupported-syntax" and part in errs[0].message, [d.render("m.py") for d in errs]
    # a refused case's captures are not reported again as names of unknown type
    assert not [d for d in errs if d.code == "cannot-infer-type"], [d.render("m.py") for d in errs]


def _function(src: str, name: str) -> ir.Function:
    tr = translate_source(src, "m.py")
    assert tr.ok, [d.render("m.py") for d in tr.diagnostics]
    return next(f for f in tr.module.functions if f.name == name)


def test_cases_that_cannot_match_are_left_out():
    """A sequence pattern never matches a str, a 3-item pattern never matches a pair, `case True`
    never matches an int, `case None` never matches a list: CPython tests and fails them; their
    bodies (and captures) are not translated at all."""
    src = ("def f(s: str, p: tuple[int, int], n: int, xs: list[int]) -> None:\n"
           "    match s:\n        case [a, b]:\n            print('str as sequence', a, b)\n"
           "    match p:\n        case (a, b, c):\n            print('three', a, b, c)\n"
           "    match n:\n        case True:\n            print('True')\n"
           "    match xs:\n        case None:\n            print('None')\n"
           "    print('end')\n")
    f = _function(src, "f")
    texts = [n.value for n in ir.walk(f) if isinstance(n, ir.Const) and isinstance(n.value, str)]
    assert texts == ["end"], texts
    assert not {"a", "b", "c"} & {n for n, _ in f.locals}


def test_subject_is_evaluated_once():
    src = ("def g() -> list[int]:\n    print('g')\n    return [1, 2]\n\n\n"
           "def f() -> None:\n    match g():\n        case []:\n            print(0)\n        case [x]:\n"
           "            print(x)\n        case [x, y]:\n            print(x + y)\n")
    f = _function(src, "f")
    calls = [n for n in ir.walk(f) if isinstance(n, ir.Call) and n.func == "g"]
    assert len(calls) == 1


def test_hidden_subject_is_not_a_listed_local():
    """The editor lists a function's locals (hover): the subject's hidden local is not one."""
    from portalis.engine import analyse
    src = ("def f(line: str) -> str:\n    match line.split():\n        case [cmd, arg]:\n"
           "            return cmd + arg\n        case _:\n            return ''\n")
    (fn,) = analyse(src, "m.py").functions
    assert fn.translatable and [s.name for s in fn.locals] == ["cmd", "arg"]


def test_cases_after_one_that_always_matches_are_left_out():
    """`(a, b)` on a pair always matches (CPython only rejects a bare capture or `_` before other
    cases): the cases after it never run, and their captures are no variables."""
    src = ("def f(t: tuple[int, int], v: int) -> None:\n"
           "    match t:\n        case (a, b):\n            print(a, b)\n        case (c, d):\n"
           "            print('never', c, d)\n"
           "    match v:\n        case int(n):\n            print(n)\n        case 3:\n            print('never')\n")
    f = _function(src, "f")
    texts = [n.value for n in ir.walk(f) if isinstance(n, ir.Const) and isinstance(n.value, str)]
    assert "never" not in texts
    assert not {"c", "d"} & {n for n, _ in f.locals}


def test_names_of_other_scopes_are_not_uses_of_a_capture():
    """A guarded capture at module level is refused only where its variable is used outside the
    cases: a function's own local, a nested def, a method and a comprehension variable of that
    name are other variables (a generator batch found a nested `def let()` counted as one)."""
    src = ("from enum import Enum\n\n\nclass K:\n    def n(self) -> int:\n        return 1\n\n\n"
           "def f() -> int:\n    def n() -> int:\n        return 2\n    return n() + len([n for n in range(3)])\n\n\n"
           "def g(n: int) -> int:\n    return n\n\n\n"
           "for v in [1, 5]:\n    match v:\n        case n if n > 2:\n            print(n, f(), g(1), K().n())\n"
           "        case _:\n            print('small')\n"
           "    match str(v):\n        case str(enum) if enum:\n            print(enum)\n")  # not `from enum`
    tr = translate_source(src, "m.py")
    assert tr.ok, [d.render("m.py") for d in tr.diagnostics]
    errs = translate_source(src + "print(n)\n", "m.py").diagnostics
    assert any("used outside the cases" in d.message for d in errs), [d.render("m.py") for d in errs]


def test_a_class_patterns_keyword_is_not_a_use_of_a_capture():
    """`case P(x=-9)` names P's attribute `x`, not the variable a guarded `case int(x) if ...` of
    another match captured (progen seed 94000 refused a batch for it; one program does too)."""
    src = ("from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n    y: int\n\n\n"
           "v = 7\nmatch v:\n    case int(x) if x > 4:\n        print('int', x // 2)\n    case _:\n        print('other')\n"
           "p = P(-9, 2)\nmatch p:\n    case P(x=-9, y=y):\n        print('by keyword', p.x, y)\n")
    tr = translate_source(src, "m.py")
    assert tr.ok, [d.render("m.py") for d in tr.diagnostics]
    # a real use of `x` in that match (its guard) still counts
    errs = translate_source(src + "match p:\n    case P(x=z) if z > x:\n        print(z)\n", "m.py").diagnostics
    assert any("used outside the cases" in d.message for d in errs), [d.render("m.py") for d in errs]
