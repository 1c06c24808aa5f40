"""The `portalis` command as users and scripts call it (real subprocesses, real builds)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PORTALIS = [sys.executable, "-m", "portalis.cli"]


def run(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*PORTALIS, *args], capture_output=True, text=True, cwd=cwd, input=stdin, timeout=300,
                          env=None if env is None else {**os.environ, **env})


IN_LAUNCHER = "portalis: exec: running in the native launcher"


def run_exec(*args: str) -> subprocess.CompletedProcess:
    """`portalis exec ...`, asserting that it ran in the native launcher (codegen.launcher:
    `portalis build` prepared it), with that line taken out of stderr."""
    r = run("exec", *args, env={"PORTALIS_EXEC_VERBOSE": "1"})
    first, _, r.stderr = r.stderr.partition("\n")
    assert first == IN_LAUNCHER, first  # (`python -m portalis.cli`: never the /bin/sh front)
    return r


@pytest.fixture
def prog(tmp_path: Path) -> Path:
    p = tmp_path / "bank.py"
    p.write_text(
        "import sys\n\n\ndef deposit(balance: int, amount: int) -> int:\n"
        "    if amount <= 0:\n        raise ValueError(\"deposit must be positive\")\n    return balance + amount\n\n\n"
        "print(deposit(10, 5))\nprint('args ok')\nprint(deposit(1, -1))\n")
    return p


def test_run_forwards_output_and_exception(prog: Path, toolchain):
    r = run("run", str(prog))
    assert r.stdout == "15\nargs ok\n"
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1] == "ValueError: deposit must be positive"
    py = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True)
    assert py.stdout == r.stdout and py.returncode == r.returncode
    assert py.stderr.strip().splitlines()[-1] == r.stderr.strip().splitlines()[-1]


def test_translate_build_exec(prog: Path, tmp_path: Path, toolchain):
    out = tmp_path / "crate"
    r = run("translate", str(prog), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(out)
    assert (out / "Cargo.toml").exists() and (out / "src" / "main.rs").exists() and (out / "src" / "pyrt.rs").exists()
    wasm = tmp_path / "bank.wasm"
    r = run("build", str(prog), "-o", str(wasm))
    assert r.returncode == 0, r.stderr
    assert wasm.read_bytes()[:4] == b"\0asm"
    r = run_exec(str(wasm))
    assert r.stdout.startswith("15\n") and r.returncode == 1


def test_the_installed_command(prog: Path, tmp_path: Path, toolchain):
    """The `portalis` command pip installs (the /bin/sh front over `portalis-py`, i.e.
    `portalis.entry:main`): `exec` ends in the native launcher, from the front itself once an
    `exec` through Python wrote its record (tests/codegen_infra/test_infra_exec_front.py), else
    without loading the rest of the command line; other commands reach `portalis.cli`; an `exec`
    command line the fast paths leave to argparse (an abbreviated option) still ends in the
    launcher."""
    exe = Path(sys.executable).parent / "portalis"
    assert exe.is_file(), "the project is installed into this interpreter's environment"
    wasm = tmp_path / "bank.wasm"
    env = {**os.environ, "PORTALIS_EXEC_VERBOSE": "1"}
    r = subprocess.run([str(exe), "build", str(prog), "-o", str(wasm)], capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 0 and r.stdout.strip() == str(wasm), r.stderr
    fronts = []
    for opts in ([], ["--timeout=5"], ["--time", "5"]):
        r = subprocess.run([str(exe), "exec", *opts, str(wasm)], capture_output=True, text=True, timeout=300, env=env)
        assert r.stdout == "15\nargs ok\n" and r.returncode == 1, (opts, r.stderr)
        err = r.stderr
        if err.startswith("portalis: exec: the record of the /bin/sh front is out of date"):  # an older install's
            err = err.partition("\n")[2]
        assert err.startswith(IN_LAUNCHER), (opts, r.stderr)
        assert err.strip().splitlines()[-1] == "ValueError: deposit must be positive"
        fronts.append(err.startswith(IN_LAUNCHER + " (from the /bin/sh front"))
    assert fronts[1:] == [True, False], fronts  # the first one wrote the record (if none was there); `--time` is argparse's


def test_translate_never_overwrites_user_edits(prog: Path, tmp_path: Path):
    out = tmp_path / "crate"
    assert run("translate", str(prog), "--out", str(out)).returncode == 0
    main = out / "src" / "main.rs"
    main.write_text(main.read_text() + "// my edit\n")
    prog.write_text(prog.read_text() + "print(1)\n")
    r = run("translate", str(prog), "--out", str(out))
    assert r.returncode != 0 and "edited" in r.stderr
    assert main.read_text().endswith("// my edit\n")
    assert run("translate", str(prog), "--out", str(out), "--force").returncode == 0


def test_untranslatable_exit_2_and_diagnostic_lines(tmp_path: Path):
    p = tmp_path / "bad.py"
    p.write_text("import os\nx = eval('1')\n")
    for cmd in ("translate", "build", "run", "check"):
        r = run(cmd, str(p))
        assert r.returncode == 2, (cmd, r.stderr)
        assert r.stdout == ""
        lines = r.stderr.strip().splitlines()
        assert f"{p}:1:1: error[unsupported-import]: " in lines[0]
        assert any(line.startswith(f"{p}:2:5: error[dynamic-eval]") for line in lines)


def test_syntax_error_reported_like_others(tmp_path: Path):
    p = tmp_path / "syn.py"
    p.write_text("def f(:\n    pass\n")
    r = run("run", str(p))
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith(f"{p}:1:") and "error[syntax-error]" in r.stderr


def test_check_and_sys_exit(tmp_path: Path, toolchain):
    p = tmp_path / "ex.py"
    p.write_text("import sys\nprint('bye')\nsys.exit(3)\n")
    r = run("check", str(p))
    assert r.returncode == 0 and r.stdout.startswith("same"), r.stdout + r.stderr
    r = run("run", str(p))
    assert r.stdout == "bye\n" and r.returncode == 3


def test_args_reach_the_program_and_timeout(tmp_path: Path, toolchain):
    p = tmp_path / "loop.py"
    p.write_text("n = 0\nwhile True:\n    n += 1\n")
    r = run("run", "--timeout", "1", str(p))
    assert r.returncode == 124 and "--timeout" in r.stderr


def test_missing_file():
    r = run("run", "/nonexistent/prog.py")
    assert r.returncode == 3 and "no such file" in r.stderr


def test_dir_that_does_not_exist(prog: Path, tmp_path: Path, toolchain):
    # a message and exit 3 before anything runs (it was wasmtime's traceback), on every path
    wasm = tmp_path / "bank.wasm"
    assert run("build", str(prog), "-o", str(wasm)).returncode == 0
    for r in (run("exec", "--dir", "/nonexistent", str(wasm)), run("run", "--dir", "/nonexistent::/data", str(prog)),
              run("exec", "--dir", "/nonexistent", str(wasm), env={"PORTALIS_EXEC_LAUNCHER": "0"})):
        assert r.returncode == 3, r.stderr
        assert r.stdout == "" and "Traceback" not in r.stderr
        assert "--dir" in r.stderr and "/nonexistent is not a directory" in r.stderr


def test_cached_run_does_not_import_the_translator():
    # a cached `portalis run` only hashes and executes: libcst and the analyzers (most of the
    # start-up time) must stay unimported until something has to be translated
    code = ("import sys, portalis.cli, portalis.pipeline; "
            "print(sorted(m for m in sys.modules if m.startswith(('libcst', 'portalis.analyzers.lower'))))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]", r.stdout


def test_sorting_nan_stops_instead_of_differing(tmp_path: Path, toolchain):
    # CPython's order for NaN keys comes from timsort's exact comparisons; Portalis does not
    # reproduce it, so it must stop with an error rather than print a different order
    p = tmp_path / "nan.py"
    p.write_text("import math\nxs = [3.0, math.nan, 1.0]\nprint('before')\nprint(sorted(xs))\n")
    r = run("run", str(p))
    assert r.returncode == 1 and r.stdout == "before\n", r.stdout + r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("ValueError: cannot sort values that contain NaN")


def test_int_beyond_64_bits(tmp_path: Path, toolchain):
    # `portalis run` reruns the program with big ints where the 64-bit build stops: the output
    # is CPython's. A module run on its own (`portalis exec`) stops with OverflowError, which no
    # handler catches: a handler running instead would print something CPython never prints.
    p = tmp_path / "big.py"
    p.write_text("try:\n    x = 2 ** 64\nexcept Exception:\n    x = -1\nexcept:\n    x = -2\nfinally:\n"
                 "    print('finally runs')\nprint(x)\n")
    r = run("run", str(p))
    py = subprocess.run([sys.executable, str(p)], capture_output=True, text=True)
    assert (r.returncode, r.stdout) == (py.returncode, py.stdout) == (0, "finally runs\n18446744073709551616\n")
    wasm = tmp_path / "big.wasm"
    assert run("build", str(p), "-o", str(wasm)).returncode == 0
    r = run_exec(str(wasm))
    assert r.returncode == 1 and r.stdout == "finally runs\n", r.stdout + r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("OverflowError: integer overflow")


def test_nan_in_containers_stops_instead_of_guessing(tmp_path: Path, toolchain):
    # CPython's `in`/`==` on containers compare identity first (math.nan in [math.nan] is True,
    # float('nan') in [float('nan')] is False); Portalis has no identity, so it stops
    p = tmp_path / "nanin.py"
    p.write_text("import math\nn = math.nan\nprint('ok', 1.5 in [1.5])\nprint(n in [n, 1.0])\n")
    r = run("run", str(p))
    assert r.returncode == 1 and r.stdout == "ok True\n", r.stdout + r.stderr
    assert "ValueError: cannot look for or compare NaN inside a container" in r.stderr


@pytest.mark.parametrize("code,status", [(200, 200), (-1, 255), (256, 0), (1000, 232), (126, 126)])
def test_sys_exit_status_like_the_os(tmp_path: Path, toolchain, code: int, status: int):
    # the OS keeps the low 8 bits; WASI's proc_exit cannot carry 126..255, the runtime passes
    # those through its exported portalis_exit_status
    p = tmp_path / f"exit{status}.py"
    p.write_text(f"import sys\nprint('x')\nsys.exit({code})\n")
    r = run("run", str(p))
    assert (r.returncode, r.stdout) == (status, "x\n"), r.stderr


def test_sum_of_no_floats_with_an_int_start_stops(tmp_path: Path, toolchain):
    # sum([], 0) is the int 0 in CPython; a float-typed sum cannot print that, so it stops
    p = tmp_path / "sumf.py"
    p.write_text("xs = [1.5, 2.0]\nprint(sum(xs, 0))\ne: list[float] = []\nprint(sum(e, 0))\n")
    r = run("run", str(p))
    assert r.returncode == 1 and r.stdout == "3.5\n", r.stdout + r.stderr
    assert "ValueError: sum() of an empty sequence of floats with an int start" in r.stderr


def test_input_keeps_carriage_returns_and_eof_error_is_catchable(tmp_path: Path, toolchain):
    # sys.stdin does not translate newlines on POSIX: input() drops the "\n" only
    p = tmp_path / "lines.py"
    p.write_text("lines: list[str] = []\nwhile True:\n    try:\n        line = input()\n    except EOFError:\n"
                 "        break\n    lines.append(line)\nprint(len(lines), lines, [len(x) for x in lines])\n")
    data = "abc\r\na\rb\r\nlast"
    r = run("run", str(p), stdin=data)
    py = subprocess.run([sys.executable, str(p)], capture_output=True, text=True, input=data)
    assert r.returncode == py.returncode == 0, r.stderr
    assert r.stdout == py.stdout == "3 ['abc\\r', 'a\\rb\\r', 'last'] [4, 4, 4]\n"


def test_dict_keys_changed_during_iteration_stops_at_a_limit(tmp_path: Path, toolchain):
    # same size, different keys: CPython's next step depends on its hash table layout (here it
    # raises a RuntimeError the program catches); Portalis stops instead of guessing, and
    # `check` says the run stopped at a limit rather than reporting a wrong result
    p = tmp_path / "dk.py"
    p.write_text("d = {1: 1, 2: 2}\nprint('start')\ntry:\n    for k in d:\n        d.pop(k)\n        d[k + 5] = 0\n"
                 "except RuntimeError as e:\n    print('caught', e)\nprint(len(d))\n"
                 "s = {1, 2}\ntry:\n    for v in s:\n        s.add(10)\nexcept RuntimeError as e:\n    print(e)\n")
    r = run("run", str(p))
    assert r.returncode == 1 and r.stdout == "start\n", r.stdout + r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("ValueError: dictionary changed keys during iteration")
    assert "line 4" in r.stderr
    c = run("check", str(p))
    assert c.returncode == 1
    assert c.stdout.startswith("STOPPED AT A PORTALIS LIMIT (line 4: ValueError: dictionary changed keys"), c.stdout
    # a size change is Python's own RuntimeError, caught like in CPython
    p.write_text("s = {1, 2}\ntry:\n    for v in s:\n        s.add(10)\nexcept RuntimeError as e:\n    print(e)\n"
                 "d = {1: 1}\ntry:\n    for k in d:\n        d[k + 1] = 0\nexcept RuntimeError as e:\n    print(e)\n")
    c = run("check", str(p))
    assert c.returncode == 0 and c.stdout.startswith("same:"), c.stdout + c.stderr


def test_portalis_limits_are_not_caught_by_except(tmp_path: Path, toolchain):
    # CPython sorts this without raising; a handler running here would print "bad", a line
    # CPython never prints, so the limit error passes every except clause (finally still runs)
    p = tmp_path / "nl.py"
    p.write_text("import math\nxs = [3.0, math.nan, 1.0]\ntry:\n    xs.sort()\n    print('sorted')\n"
                 "except ValueError:\n    print('bad')\nexcept:\n    print('bare')\nfinally:\n    print('finally')\n")
    r = run("run", str(p))
    assert r.returncode == 1 and r.stdout == "finally\n", r.stdout + r.stderr
