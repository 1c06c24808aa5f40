"""The engine's answers (portalis/engine.py): signatures with inferred types and their sources,
Rust signatures, translatability, positions, doctests; never raising."""

from __future__ import annotations

from portalis.engine import Engine, analyse

SRC = '''from typing import Optional

def gcd(a: int, b: int) -> int:
    """Greatest common divisor.

    >>> gcd(12, 18)
    6
    """
    while b:
        a, b = b, a % b
    return a

def scale(xs, factor=2):
    out = []
    for x in xs:
        total = x * factor
        out.append(total)
    return out

def match(type: int) -> int:
    return type + 1

def bad(x: int) -> int:
    with open("f") as f:
        return 1

print(gcd(12, 18), scale([1, 2]), match(3))
'''


def test_functions_and_sources():
    a = analyse(SRC, "m.py")
    f = {x.name: x for x in a.functions}
    assert f["gcd"].python_signature == "def gcd(a: int, b: int) -> int"
    assert f["gcd"].rust_signature == "fn gcd(a: i64, b: i64) -> i64"
    assert [p.source for p in f["gcd"].params] == ["annotation", "annotation"]
    assert f["scale"].python_signature == "def scale(xs: list[int], factor: int) -> list[int]"
    assert [(p.name, p.source) for p in f["scale"].params] == [("xs", "call-site"), ("factor", "default")]
    assert f["scale"].returns.source == "dataflow" and f["scale"].returns.rust == "PyList<i64>"
    assert [s.name for s in f["scale"].locals] == ["out", "x", "total"]
    assert f["match"].rust_signature == "fn r#match(r#type: i64) -> i64"  # the names the crate uses
    assert not f["bad"].translatable and f["bad"].blocking[0].code == "unsupported-builtin"  # open()
    assert f["bad"].rust_signature is None
    assert a.runs_as_program
    assert [(d.source, d.want) for d in f["gcd"].doctests] == [("gcd(12, 18)", "6\n")]
    assert f["gcd"].doctests[0].line == 6


def test_positions():
    a = analyse(SRC, "m.py")
    assert a.function_at(3, 5).name == "gcd"  # on the def name
    assert a.function_at(27, 7).name == "gcd"  # on a call in the module body
    assert a.function_at(2, 0) is None
    f, s = a.slot_at(16, 9)
    assert (f.name, s.name, s.python) == ("scale", "total", "int")


def test_revisions_and_cache():
    e = Engine()
    assert e.set_text("m.py", SRC) == 1
    a1 = e.analysis("m.py")
    assert e.set_text("m.py", SRC) == 2
    a2 = e.analysis("m.py")
    assert a2.revision == 2 and a2.functions == a1.functions
    e.set_text("m.py", "def f(:\n")
    a3 = e.analysis("m.py")
    assert a3.functions == () and a3.diagnostics[0].code == "syntax-error"


def test_never_raises_on_garbage():
    for text in ("", "\x00\x01", "def", "class X(:", "(" * 5000, "x = 1\n" * 2000, "def f():\n  return f(" * 10):
        analyse(text, "g.py")


def test_top_level_code_with_a_call_counts_as_running_code():
    """`_has_call` (a plain walk since libcst.matchers cost the first hover ~0.4 s to import)."""
    import libcst as cst

    from portalis.engine import _has_call, _runs
    stmts = cst.parse_module("X = 1\nY = len([1])\nZ = [f(x) for x in 'ab']\nW = {'a': (1, -2)}\nimport math\n").body
    assert [_runs(s) for s in stmts] == [False, True, True, False, False]
    assert _has_call(cst.parse_expression("a[b(c)]")) and not _has_call(cst.parse_expression("a[b]"))
    assert not _has_call("not a node")


def test_server_warm_up_analyses_its_sample_cleanly():
    from portalis.engine import analyse
    from portalis.server.handlers import _WARM_UP, _warm_up
    _warm_up()
    a = analyse(_WARM_UP, "warm.py")
    assert not a.diagnostics and a.runs_as_program and all(f.translatable for f in a.functions), a.diagnostics


def test_a_generator_function_reads_as_an_iterator_and_a_loop_body():
    # hover's signatures of a generator: the Python one says what it yields, the Rust one is the
    # library wrapper's (codegen/emit/library.py): the loop body is a closure `each`
    src = ("def countdown(n: int):\n    while n > 0:\n        n -= 1\n        yield n\n\n\n"
           "def total(n: int) -> int:\n    return sum(countdown(n))\n")
    a = analyse(src, "m.py")
    f = next(x for x in a.functions if x.name == "countdown")
    assert f.translatable
    assert f.python_signature == "def countdown(n: int) -> Iterator[int]"
    assert f.rust_signature == "fn countdown(n: i64, each: impl FnMut(i64) -> bool)"
    assert next(x for x in a.functions if x.name == "total").translatable
