"""The server's verification (server/verify.py) on its own: doctests run under CPython and as
WASM (real rustc, real wasmtime), each finding on the doctest's Python line."""

from __future__ import annotations

from portalis.engine import analyse
from portalis.server.verify import doctest_check

SRC = '''def total(xs: list[float]) -> float:
    """Sum.

    >>> total([1.5, 2.0])
    3.5
    >>> total([])
    0
    >>> total([1.0])
    1.0
    """
    return sum(xs)


def half(n: int) -> int:
    """
    >>> half(10)
    5
    >>> half(7)
    4
    """
    return n // 2
'''


def test_doctest_findings_limit_wrong_doctest_and_verified(toolchain, tmp_path):
    a = analyse(SRC, str(tmp_path / "m.py"))
    total, half = a.function("total"), a.function("half")
    assert total.translatable and half.translatable
    # total([]) is 0 (an int) in CPython: a Portalis limit on that doctest's line, not a
    # "mismatch" (the run stopped there; it did not compute something else)
    f = doctest_check(a, total, toolchain)
    assert [(x.kind, x.line) for x in f] == [("limit", 6)], f
    assert "sum() of an empty sequence of floats" in f[0].message
    # a doctest whose expected text is wrong in CPython itself, then the rest compared
    g = doctest_check(a, half, toolchain)
    assert [(x.kind, x.line) for x in g] == [("doctest-fails-in-cpython", 18)], g


def test_doctest_of_a_function_that_prints_and_returns_none(toolchain, tmp_path):
    """doctest shows nothing for a None result: the driver printed `None` after the output, so
    every doctest of such a function read as failing in CPython itself."""
    src = 'def show(n: int) -> None:\n    """\n    >>> show(3)\n    n = 3\n    """\n    print("n =", n)\n'
    a = analyse(src, str(tmp_path / "p.py"))
    f = doctest_check(a, a.function("show"), toolchain)
    assert [x.kind for x in f] == ["verified"], f
