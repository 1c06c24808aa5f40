"""Ints where a `float` is annotated (analyzers/numeric.py): which arrivals are converted,
which are refused and where, and the run-time checks where an int's float is exact only up to
2**53 (comparisons, int arithmetic): the program stops with Portalis' value limit there, never
prints a different answer. Whole programs against CPython are tests/corpus/numeric_*.py; the
refusal fixtures tests/refused/numeric_*.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from portalis.pipeline import run_program, translate_source


def _refusals(src: str) -> list[tuple[str, int, str]]:
    tr = translate_source(src, "m.py")
    return [(d.code, d.span.line, d.message) for d in tr.diagnostics if d.severity.value == "error"]


OK = [
    "def f(x: float) -> float:\n    return x * 1.5\nprint(f(2))\n",
    "def f(x: float) -> str:\n    return f'{x:.2f}'\nprint(f(2))\n",
    "def f(x: float) -> bool:\n    return x < 2.5\nprint(f(2))\n",
    "import math\ndef f(x: float) -> float:\n    return math.sqrt(x)\nprint(f(2))\n",
    "def f(x: float) -> float:\n    y = x\n    return y / 3\nprint(f(2))\n",
    "def f(x: float, k: float = 2) -> float:\n    return x * k\nprint(f(1.5))\n",
    "class A:\n    def __init__(self, v: float):\n        self.v = v\n    def g(self) -> float:\n"
    "        return self.v + 0.5\nprint(A(1).g())\n",
    "import math\ndef d(a: float, b: float) -> float:\n    return math.sqrt(a * a + b * b)\nprint(d(3, 4))\n",
]


@pytest.mark.parametrize("src", OK)
def test_converted_where_no_use_can_tell(src):
    assert _refusals(src) == []


REFUSED = [  # (source, line of the arrival, the line its message names, words of the reason)
    ("def f(x: float) -> None:\n    print(x)\nf(2)\n", 3, 2, "print"),
    ("def f(x: float) -> float:\n    return x // 2\nprint(f(7) * 1.0)\n", 3, 2, "`//`"),
    ("def f(x: float) -> float:\n    return x\nprint(f(7))\n", 3, 3, "print"),
    ("def f(x: float) -> str:\n    return str(x)\nprint(f(7))\n", 3, 2, "str()"),
    ("def f(x: float) -> bool:\n    return isinstance(x, int)\nprint(f(7))\n", 3, 2, "isinstance"),
    ("def f(x: float) -> str:\n    return type(x).__name__\nprint(f(7))\n", 3, 2, "type()"),
    ("def f(x: float) -> list[float]:\n    return [x]\nprint(f(7))\n", 3, 2, "container"),
    ("def f(x: float) -> float:\n    return round(x, 1)\nprint(f(7) * 1.0)\n", 3, 2, "round()"),
    ("def f(x: float, y: float) -> float:\n    return x + y\nprint(f(1, 2))\n", 3, 3, "print"),
    ("def f(x: float) -> float:\n    return x + 9007199254740993\nprint(f(1) * 1.0)\n", 3, 2, "no exact float"),
    # abs() keeps an int an int: neither side of the product is a float in CPython
    ("def f(x: float, y: float) -> float:\n    return abs(x) * abs(y)\nprint(f(2, 3))\n", 3, 3, "print"),
]


@pytest.mark.parametrize("src,line,use,why", REFUSED)
def test_refused_at_the_arrival_naming_the_use(src, line, use, why):
    got = _refusals(src)
    assert got and got[0][0] == "int-float-mix" and got[0][1] == line, got
    assert (f"line {use}" in got[0][2] or (use == line and "its use here" in got[0][2])) and why in got[0][2], got


def _cpython(src: str, tmp_path) -> subprocess.CompletedProcess:
    p = tmp_path / "c.py"
    p.write_text(src)
    return subprocess.run([sys.executable, str(p)], capture_output=True, text=True)


@pytest.mark.parametrize("src,line,prefix", [
    # compared past 2**53: CPython compares the int exactly, an f64 could not
    ("def big(x: float) -> bool:\n    return x > 9007199254740992.0\nprint(big(3))\nprint(big(9007199254740993))\n",
     4, "False\n"),
    # int arithmetic past 2**53: CPython's int result is exact, an f64's is not
    ("def f(a: float, b: float) -> str:\n    return f'{a * b:.1f}'\nprint(f(3, 4))\nprint(f(2 ** 30 + 1, 2 ** 30 + 1))\n",
     2, "12.0\n"),
])
def test_inexact_ints_stop_at_the_value_limit(src, line, prefix, tmp_path, toolchain):
    assert _refusals(src) == []
    cp = _cpython(src, tmp_path)
    assert cp.returncode == 0 and cp.stdout.startswith(prefix)
    pr = run_program(src, str(tmp_path / "m.py"), [], toolchain=toolchain)
    r = pr.result
    assert r is not None and r.exit_code != 0
    assert r.stdout.decode() == prefix  # what CPython printed before, then the stop
    err = r.stderr.decode()
    assert "ValueError" in err and "2**53" in err and f"line {line}" in err, err


def test_exact_big_values_run_as_cpython(tmp_path, toolchain):
    """Ints with an exact float (2**60) compare as CPython; arithmetic with a float partner is
    CPython's float(int) op float even at 2**63 - 1 and past it (the big-int rerun)."""
    src = ("def ge(x: float, y: float) -> bool:\n    return x >= y\n"
           "def t(x: float) -> float:\n    return x * 0.5\n"
           "print(ge(2 ** 60, 1.5), ge(-(2 ** 62), 0.0))\n"
           "print(t(9223372036854775807), t(2 ** 64 + 1))\n")
    assert _refusals(src) == []
    cp = _cpython(src, tmp_path)
    pr = run_program(src, str(tmp_path / "m.py"), [], toolchain=toolchain)
    assert pr.result is not None and pr.result.exit_code == 0
    assert pr.result.stdout.decode() == cp.stdout


def test_quick_reanalysis_defers_to_the_whole_module():
    """A use added in one body changes the verdict at a call elsewhere: the engine's quick path
    gives up and the full analysis reports the refusal at the call."""
    from portalis.engine import Engine
    text = "def f(x: float) -> float:\n    y = x * 2.0\n    return y\n\n\nprint(f(3))\n"
    e = Engine()
    e.set_text("m.py", text)
    assert [d for d in e.analysis("m.py").diagnostics if d.severity.value == "error"] == []
    e.set_text("m.py", text.replace("    return y\n", "    print(x)\n    return y\n"))
    assert e.quick("m.py") is None
    errs = [d for d in e.analysis("m.py").diagnostics if d.severity.value == "error"]
    assert [(d.code, d.span.line) for d in errs] == [("int-float-mix", 7)]


@pytest.mark.parametrize("args,names,want", [
    ("2, 1.5", "float and int", "floats"),
    ("True, 0", "bool and int", "ints"),
    ("True, 0.5", "bool and float", "floats"),
])
def test_min_max_mix_names_the_types_it_was_given(args, names, want):
    """max(True, 0) was refused as 'max() of int and float': the message names the types."""
    got = _refusals(f"print(max({args}))\n")
    assert got and got[0][:2] == ("int-float-mix", 1), got
    assert f"max() of {names} returns" in got[0][2] and f"make all arguments {want}" in got[0][2], got
