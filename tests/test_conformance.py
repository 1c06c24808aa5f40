"""The differential oracle (codegen/conformance.py) compares an uncaught exception too: the
same stdout and exit code with another exception class or message is a difference."""

from __future__ import annotations

from portalis.codegen.conformance import _verdict, uncaught
from portalis.codegen.wasm_exec import RunResult

TB = "Traceback (most recent call last):\n  File \"prog.py\", line 2, in <module>\n"


def _run(stderr: str, code: int = 1) -> RunResult:
    return RunResult(exit_code=code, stdout=b"start\n", stderr=stderr.encode(), trap=None, limit_hit=None, seconds=0.0)


def test_uncaught_is_the_traceback_last_line():
    assert uncaught(TB + "KeyError: 'zz'\n") == "KeyError: 'zz'"
    assert uncaught("a warning\n") is None


def test_another_uncaught_exception_is_a_difference():
    v = _verdict(1, "start\n", _run(TB + "KeyError: 'a'\n"), TB + "ValueError: bad\n")
    assert not v.same
    assert "uncaught exception" in v.detail and "ValueError: bad" in v.detail


def test_the_same_uncaught_exception_is_the_same():
    assert _verdict(1, "start\n", _run(TB + "ValueError: bad\n"), "warning\n" + TB + "ValueError: bad\n").same


def test_check_compares_the_exception_of_a_real_run(toolchain, tmp_path):
    import subprocess
    import sys
    p = tmp_path / "prog.py"
    p.write_text('d = {"a": 1}\nprint("start")\nprint(d["zz"])\n')
    r = subprocess.run([sys.executable, "-m", "portalis.cli", "check", str(p)], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "same:" in r.stdout
