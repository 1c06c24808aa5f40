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


def test_the_traceback_names_the_function_the_error_was_raised_in(toolchain, tmp_path):
    """The one frame Portalis prints names the function holding the error's line, as CPython's
    last frame does (it said `in <module>` everywhere): a method, a nested function, an
    operator method, the module."""
    import subprocess
    import sys

    from portalis.pipeline import run_program
    src = ("class Money:\n    def __init__(self, c: int) -> None:\n        self.c = c\n"
           "    def per(self, n: int) -> int:\n        return self.c // n\n"
           "    def __add__(self, o: int) -> 'Money':\n        return Money([1][o])\n"
           "def outer(n: int) -> int:\n    def inner(k: int) -> int:\n        return [1, 2][k]\n"
           "    return inner(n)\n"
           "w = input()\nd: dict[str, int] = {}\n"
           "if w == 'per':\n    Money(1).per(0)\nelif w == 'add':\n    print((Money(1) + 5).c)\n"
           "elif w == 'inner':\n    outer(7)\nelse:\n    print(d['k'])\n")
    p = tmp_path / "prog.py"
    p.write_text(src)
    for which, name in [("per", "per"), ("add", "__add__"), ("inner", "inner"), ("module", "<module>")]:
        cp = subprocess.run([sys.executable, str(p)], input=which + "\n", capture_output=True, text=True)
        last_frame = [ln for ln in cp.stderr.splitlines() if ln.startswith("  File ")][-1]
        assert last_frame.endswith(f", in {name}"), cp.stderr
        pr = run_program(src, "prog.py", stdin=(which + "\n").encode(), toolchain=toolchain)
        err = pr.result.stderr.decode()
        frame = [ln for ln in err.splitlines() if ln.startswith("  File ")]
        assert frame == [last_frame.replace(str(p), "prog.py")], err
        assert err.splitlines()[-1] == cp.stderr.splitlines()[-1], (err, cp.stderr)
