"""The `portalis` command's /bin/sh front (codegen/launcher/portalis) and the launcher's `--front`
mode: `portalis exec MODULE` with no Python started, decided exactly as the Python part decides
(portalis.entry.parse_exec + codegen.exec_start.launcher_argv), and everything else handed to
`portalis-py` with the same arguments.  Real /bin/sh, real `cc`, real wasmtime."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from portalis import entry
from portalis.codegen import exec_start, launcher

FRONT = Path(exec_start.SOURCE).parent / "portalis"
IN_LAUNCHER = "portalis: exec: running in the native launcher"
FROM_FRONT = IN_LAUNCHER + " (from the /bin/sh front: no Python started)\n"


@pytest.fixture(scope="module")
def exe(cache_dir: Path) -> str:
    found = launcher.wasmtime_library()
    assert found is not None
    path, why = launcher.build_launcher(found[1], str(cache_dir))
    assert path, why
    return path


def _record(tmp: Path, bindir: str, exe: str, cache: Path, monkeypatch) -> Path:
    lib, version = launcher.wasmtime_library()
    monkeypatch.setenv("PORTALIS_CACHE_DIR", str(cache))
    data = exec_start.front_record(bindir, exe, lib, launcher.library_copy(lib, version, str(cache)), version)
    assert data is not None
    rec = tmp / "record"
    rec.write_bytes(data)
    return rec


def _front_argv(exe: str, rec: Path, py: str, argv: list[str]) -> tuple[str, list[str]]:
    r = subprocess.run([exe, "--front-argv", str(rec), py, *argv], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    what, *out = os.fsdecode(r.stdout).split("\n")[:-1]
    return what, out


def test_the_front_decides_as_the_python_part(exe: str, cache_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """For every command line, the launcher's `--front` mode takes it exactly when
    `entry.parse_exec` does (or leaves it to Python: it reads fewer number spellings) and builds
    the launcher's command line `exec_launcher` would, with `portalis-py exec ...` as the fallback."""
    bindir = str(tmp_path / "bin")
    py = bindir + "/portalis-py"
    rec = _record(tmp_path, bindir, exe, cache_dir, monkeypatch)
    mod = tmp_path / "prog.wasm"
    mod.write_bytes(b"\0asm")
    odd = tmp_path / "..x.y.wasm"
    odd.write_bytes(b"\0asm")
    (tmp_path / ".wasm").write_bytes(b"\0asm")
    m = str(mod)
    cases = [[m], [m, "a b", "ü", "--flag", "--", "-x"], ["--timeout", "5", m], ["--timeout=2.50", m, "x"],
             ["--timeout", "0", "--max-memory", "0", m], ["--max-memory", "64", m], ["--max-memory=0.5", m],
             ["--timeout", "007.", "--max-memory", ".25", m], ["--dir", "/tmp", m], ["--dir=/a::/b", "--dir", "c::", m],
             ["--dir", "x::y::z", m], [str(odd)], [str(tmp_path / ".wasm")], [m + "/"],
             # left to argparse by both
             ["--time", "5", m], ["--timeout", "-1", m], ["--timeout"], [], ["--", m], [m, "--"], ["-t", "5", m],
             ["--timeout", "x", m], [str(tmp_path / "missing.wasm")], ["--dir", "--timeout", m],
             # ... and by the front only (Python's float() reads more spellings): Python still runs them
             ["--timeout", "1e3", m], ["--timeout", "1_0", m], ["--timeout", " 5", m], ["--max-memory", "inf", m],
             ["--max-memory", "1" * 30, m]]
    front_only = {"1e3", "1_0", " 5", "inf", "1" * 30}
    lib, version = launcher.wasmtime_library()
    for argv in cases:
        what, out = _front_argv(exe, rec, py, ["exec", *argv])
        parsed = entry.parse_exec(["exec", *argv])
        if parsed is None or front_only & set(argv):
            assert (what, out) == ("python", [py, "exec", *argv]), argv
            continue
        want = exec_start.launcher_argv(exe, lib, launcher.library_copy(lib, version, str(cache_dir)), version,
                                        *parsed, [py, "exec", *argv])
        assert what == "launcher", argv
        assert out[0] == exe and want[0] == exe
        # TIMEOUT: the same float (repr in Python, %.17g here); everything else the same text
        assert (out[5] == "-") == (want[5] == "-") and (out[5] == "-" or float(out[5]) == float(want[5])), argv
        assert out[:5] + out[6:] == want[:5] + want[6:], argv
    # arguments Python could not pass to WASI (not UTF-8): both leave them to the Python path
    bad = os.fsdecode(b"\xff")
    what, _ = _front_argv(exe, rec, py, ["exec", m, bad])
    assert what == "python"
    with pytest.raises(UnicodeError):
        bad.encode("utf-8")


def test_a_stale_record_goes_to_python(exe: str, cache_dir: Path, tmp_path: Path, monkeypatch) -> None:
    bindir = str(tmp_path / "bin")
    py = bindir + "/portalis-py"
    mod = tmp_path / "prog.wasm"
    mod.write_bytes(b"\0asm")
    rec = _record(tmp_path, bindir, exe, cache_dir, monkeypatch)
    assert _front_argv(exe, rec, py, ["exec", str(mod)])[0] == "launcher"
    lines = rec.read_bytes().split(b"\n")
    for k, value in ((1, b"portalis-front 0"), (2, b"/elsewhere"), (4, b"1 2"), (6, b"3 4")):
        changed = tmp_path / f"changed{k}"
        changed.write_bytes(b"\n".join(lines[:k] + [value] + lines[k + 1:]))
        assert _front_argv(exe, changed, py, ["exec", str(mod)]) == ("python", [py, "exec", str(mod)]), k
    cut = tmp_path / "cut"
    cut.write_bytes(b"\n".join(lines[:6]))
    assert _front_argv(exe, cut, py, ["exec", str(mod)])[0] == "python"
    assert _front_argv(exe, tmp_path / "none", py, ["exec", str(mod)])[0] == "python"


def _fake_install(root: Path) -> Path:
    """A bin directory with the front as `portalis` and a `portalis-py` that prints its argv."""
    root.mkdir(parents=True)
    shutil.copy(FRONT, root / "portalis")
    (root / "portalis-py").write_text("#!/bin/sh\nprintf 'py'; for a in \"$@\"; do printf '|%s' \"$a\"; done; echo\n")
    (root / "portalis-py").chmod(0o755)
    return root


def _fake_launcher(path: Path) -> str:
    path.write_text("#!/bin/sh\nprintf 'launcher'; for a in \"$@\"; do printf '|%s' \"$a\"; done; echo\n")
    path.chmod(0o755)
    return str(path)


def _run(cmd: list[str], **env: str) -> str:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PORTALIS")}
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env={**base, **env})
    assert r.returncode == 0 and r.stderr == "", r.stderr
    return r.stdout


@pytest.mark.parametrize("dirname", ["bin", "a b/b%in", "ü-dir/bin"])
def test_the_sh_front_finds_the_record_or_runs_python(tmp_path: Path, dirname: str) -> None:
    """The front reads the record where `exec_start.front_record_path` puts it (also for directory
    names with spaces, % and non-ASCII, and when started by a relative path), hands `exec` to the
    launcher's `--front` mode with the arguments untouched, and everything else, or an `exec` with
    no record, to `portalis-py`."""
    bindir = _fake_install(tmp_path / dirname)
    front = str(bindir / "portalis")
    py = f"{bindir}/portalis-py"
    cache = tmp_path / "cache"
    args = ["exec", "m.wasm", "a b", "", "*", "--x=1", "line\nbreak"]
    assert _run([front, *args], PORTALIS_CACHE_DIR=str(cache)) == "|".join(["py", *args]) + "\n"
    for other in (["run", "x.py"], ["--help"], [], ["serve", "--stdio"]):
        assert _run([front, *other], PORTALIS_CACHE_DIR=str(cache)) == "|".join(["py", *other]) + "\n"
    rec = Path(exec_start.front_record_path(str(bindir), str(cache)))
    rec.parent.mkdir(parents=True)
    fake = _fake_launcher(tmp_path / "launcher")
    rec.write_text(fake + "\nthe launcher checks the rest\n")
    want = "|".join(["launcher", "--front", str(rec), py, *args]) + "\n"
    assert _run([front, *args], PORTALIS_CACHE_DIR=str(cache)) == want
    r = subprocess.run(["./portalis", *args], capture_output=True, text=True, timeout=60, cwd=bindir,
                       env={"PATH": os.environ["PATH"], "HOME": os.environ["HOME"], "PORTALIS_CACHE_DIR": str(cache)})
    assert r.stdout == want, r.stderr
    # the switch that turns the launcher off, and other commands, still go to Python
    assert _run([front, *args], PORTALIS_CACHE_DIR=str(cache), PORTALIS_EXEC_LAUNCHER="0").startswith("py|")
    assert _run([front, "run", "x.py"], PORTALIS_CACHE_DIR=str(cache)).startswith("py|")
    # a launcher that is gone: Python
    os.unlink(fake)
    assert _run([front, *args], PORTALIS_CACHE_DIR=str(cache)).startswith("py|")


def test_the_sh_front_expands_the_cache_dir_as_python(tmp_path: Path) -> None:
    """`PORTALIS_CACHE_DIR` with `~`: the front looks where Python's expanduser points (and leaves
    `~user` to Python); unset, the default `~/.cache/portalis`."""
    bindir = _fake_install(tmp_path / "bin")
    home = tmp_path / "home"
    fake = _fake_launcher(tmp_path / "launcher")
    for value, cache in (("~/c", home / "c"), ("~", home), (None, home / ".cache" / "portalis")):
        env = {"HOME": str(home)} | ({} if value is None else {"PORTALIS_CACHE_DIR": value})
        rec = Path(exec_start.front_record_path(str(bindir), str(cache)))
        rec.parent.mkdir(parents=True, exist_ok=True)
        rec.write_text(fake + "\n")
        assert _run([str(bindir / "portalis"), "exec", "m.wasm"], **env).startswith("launcher|--front"), value
        rec.unlink()
    r = _run([str(bindir / "portalis"), "exec", "m.wasm"], HOME=str(home), PORTALIS_CACHE_DIR="~root/c")
    assert r.startswith("py|")


def test_the_installed_command_runs_exec_without_python(program_wasm: Path, cache_dir: Path, tmp_path: Path) -> None:
    """The installed `portalis` (the front) and `portalis-py`: the first `exec` runs in Python,
    which writes the record; later ones start no Python (the launcher says so), print the same,
    and peak below CPython's own hello world."""
    bindir = Path(sys.executable).parent
    front = bindir / "portalis"
    assert front.read_bytes() == FRONT.read_bytes(), "the installed `portalis` is the front (pyproject script-files)"
    assert (bindir / "portalis-py").is_file()
    wasm = tmp_path / "prog.wasm"
    shutil.copyfile(program_wasm, wasm)
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTALIS")}
    env |= {"PORTALIS_CACHE_DIR": str(cache), "PORTALIS_EXEC_VERBOSE": "1"}
    runs = [subprocess.run([str(front), "exec", str(wasm), "exit3"], capture_output=True, text=True, timeout=300, env=env)
            for _ in range(3)]
    assert [(r.returncode, r.stdout) for r in runs] == [(3, "to stdout\n")] * 3
    assert not runs[0].stderr.startswith(FROM_FRONT)  # the first: Python compiled the module
    for r in runs[1:]:
        assert r.stderr == FROM_FRONT + "to stderr\n"
    assert Path(exec_start.front_record_path(str(bindir), str(cache))).is_file()
    quiet = {k: v for k, v in env.items() if k != "PORTALIS_EXEC_VERBOSE"}

    def peak(cmd: list[str]) -> int:
        out = tmp_path / "rss"
        best = []
        for _ in range(3):
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(out), *cmd], capture_output=True, timeout=120, env=quiet)
            best.append(int(out.read_text().split()[-1]))
        return min(best)
    ours, cpython = peak([str(front), "exec", str(wasm), "exit3"]), peak([sys.executable, "-c", "print('hello world')"])
    assert ours < cpython, (ours, cpython)
