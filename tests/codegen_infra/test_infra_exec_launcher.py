"""`portalis exec` through the native launcher (portalis.codegen.launcher) behaves exactly as the
Python path (`PORTALIS_EXEC_LAUNCHER=0`: wasm_exec.run_wasm in the `portalis` process): same
stdout, stderr and exit code for normal exits, WASI exit codes (and the 125 sentinel), traps,
the time and memory limits, Ctrl-C, unflushed output and --dir grants; it falls back to the
Python path, silently unless asked, when it cannot be used.  Real rustc builds, real wasmtime,
real `cc`, `portalis` as a subprocess; every launcher run proves it ran in the launcher
(`PORTALIS_EXEC_VERBOSE=1` makes it say so)."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from portalis.codegen import launcher, wasm_exec
from portalis.pipeline import build_program

PORTALIS = [sys.executable, "-m", "portalis.cli"]
IN_LAUNCHER = "portalis: exec: running in the native launcher\n"

SPIN = 'print("before the loop")\nprint("second line", end="")\ni = 0\nwhile True:\n    i = (i + 1) % 7\n'
EXIT200 = 'import sys\nprint("bye")\nsys.exit(200)\n'
RAISES = 'def f(n: int) -> int:\n    return 10 // n\n\n\nprint("start")\nprint(f(0))\n'
GROW = 'print("start")\nxs = [0] * 10\nwhile True:\n    xs = xs + xs\n'


@pytest.fixture(scope="module")
def prepared(program_wasm: Path, cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Rust test program as `prog.wasm`, with its .cwasm and the launcher in the test cache."""
    wasm = tmp_path_factory.mktemp("launcher") / "prog.wasm"
    shutil.copyfile(program_wasm, wasm)
    assert launcher.prepare_exec(str(wasm), cache=str(cache_dir)) == ""
    return wasm


def _env(cache_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTALIS_EXEC")}
    env["PORTALIS_CACHE_DIR"] = str(cache_dir)
    env.update(extra)
    return env


def _exec(cache_dir: Path, wasm: Path, *args: str, opts: tuple[str, ...] = (), stdin: bytes = b"",
          **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*PORTALIS, "exec", *opts, str(wasm), *args], input=stdin, capture_output=True,
                          timeout=120, env=_env(cache_dir, **env))


def both(cache_dir: Path, wasm: Path, *args: str, opts: tuple[str, ...] = (), stdin: bytes = b"") -> subprocess.CompletedProcess:
    """Run through the launcher (asserting it was used) and in Python; they must agree exactly."""
    fast = _exec(cache_dir, wasm, *args, opts=opts, stdin=stdin, PORTALIS_EXEC_VERBOSE="1")
    assert fast.stderr.startswith(IN_LAUNCHER.encode()), fast.stderr
    fast.stderr = fast.stderr[len(IN_LAUNCHER):]
    slow = _exec(cache_dir, wasm, *args, opts=opts, stdin=stdin, PORTALIS_EXEC_LAUNCHER="0")
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    quiet = _exec(cache_dir, wasm, *args, opts=opts, stdin=stdin)  # no verbose: no word from Portalis
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    return fast


def test_exit_codes_args_stdin_env(prepared: Path, cache_dir: Path) -> None:
    r = both(cache_dir, prepared, "exit3")
    assert (r.returncode, r.stdout, r.stderr) == (3, b"to stdout\n", b"to stderr\n")
    r = both(cache_dir, prepared, "a b", "ü", "--flag", "--timeout", "1")
    assert r.stdout.decode() == 'args=["prog.py", "a b", "ü", "--flag", "--timeout", "1"]\n'
    r = both(cache_dir, prepared, "stdin", stdin=b"hello\n")
    assert r.stdout == b"got HELLO\n\n"
    assert both(cache_dir, prepared, "env").stdout == b"env=[]\n"


def test_options_before_the_module(prepared: Path, cache_dir: Path) -> None:
    r = both(cache_dir, prepared, "count", "1000", opts=("--timeout=5", "--max-memory", "64"))
    assert r.returncode == 0 and r.stdout.startswith(b"sum=")
    # an abbreviated option is argparse's to parse: the launcher still runs the module after it
    r = both(cache_dir, prepared, "exit3", opts=("--time", "5"))
    assert r.returncode == 3


def test_traps(prepared: Path, cache_dir: Path) -> None:
    for mode, what in (("abort", "the program crashed"), ("panic", "index out of bounds"),
                       ("stack", "stack overflow")):
        r = both(cache_dir, prepared, mode)
        assert r.returncode == wasm_exec.EXIT_TRAP, (mode, r.stderr)
        assert what in r.stderr.decode(), (mode, r.stderr)
    assert b"\n  in " in both(cache_dir, prepared, "abort").stderr  # the frames, demangled


def test_out_of_bounds_accesses_trap(prepared: Path, cache_dir: Path) -> None:
    """The launcher's own linear memory (portalis_exec.c, `HOST_MEMORY`) keeps wasmtime's
    reservation and guard: reads past the memory trap, as in the Python path; grown pages read
    back what was written."""
    for mode in ("oob", "grown"):
        r = both(cache_dir, prepared, mode)
        assert r.returncode == wasm_exec.EXIT_TRAP, (mode, r.stderr)
        assert b"memory fault at wasm address" in r.stderr, (mode, r.stderr)
    assert both(cache_dir, prepared, "grown").stdout.startswith(b"sum=6291448126\n")


def test_time_and_memory_limits(prepared: Path, cache_dir: Path) -> None:
    t0 = time.monotonic()
    r = both(cache_dir, prepared, "loop", opts=("--timeout", "0.5"))
    assert r.returncode == wasm_exec.EXIT_TIMEOUT
    assert b"ran for more than 0.5 s" in r.stderr
    assert time.monotonic() - t0 < 60
    r = both(cache_dir, prepared, "mem", opts=("--max-memory", "24"))
    assert r.returncode == wasm_exec.EXIT_MEMORY
    assert b"needed more than 24 MB" in r.stderr


def test_dir_grants(prepared: Path, cache_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("data inside\n")
    r = both(cache_dir, prepared, "read", "/data/in.txt", opts=("--dir", f"{tmp_path}::/data"))
    assert r.stdout == b"OK data inside\n"
    r = both(cache_dir, prepared, "read", str(tmp_path / "in.txt"))  # not granted
    assert r.stdout.startswith(b"ERR ")
    r = both(cache_dir, prepared, "write", f"{tmp_path}/out.txt", opts=(f"--dir={tmp_path}",))
    assert r.stdout == b"WROTE\n" and (tmp_path / "out.txt").read_text() == "written by wasm"


def test_ctrl_c(prepared: Path, cache_dir: Path) -> None:
    results = []
    for extra in ({"PORTALIS_EXEC_VERBOSE": "1"}, {"PORTALIS_EXEC_LAUNCHER": "0"}):
        proc = subprocess.Popen([*PORTALIS, "exec", "--timeout", "0", str(prepared), "loop"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=_env(cache_dir, **extra))
        time.sleep(3)  # the program is in its loop by then
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        results.append((proc.returncode, out, err.removeprefix(IN_LAUNCHER.encode())))
        if extra.get("PORTALIS_EXEC_VERBOSE"):
            assert err.startswith(IN_LAUNCHER.encode()), err
    assert results[0] == results[1]
    assert results[0][0] == wasm_exec.EXIT_INTERRUPTED and b"KeyboardInterrupt" in results[0][2]


# ---------------------------------------------------------------- Portalis-built programs


def _portalis_wasm(tmp_path: Path, name: str, src: str, toolchain, cache_dir: Path) -> Path:
    p = tmp_path / name
    p.write_text(src)
    pb = build_program(src, str(p), toolchain=toolchain)
    assert pb.wasm_path is not None, pb.build.format_errors() if pb.build else pb.translation
    wasm = tmp_path / (p.stem + ".wasm")
    shutil.copyfile(pb.wasm_path, wasm)
    assert launcher.prepare_exec(str(wasm), cache=str(cache_dir)) == ""
    return wasm


def test_unflushed_output_exit_status_exceptions(tmp_path: Path, toolchain, cache_dir: Path) -> None:
    spin = _portalis_wasm(tmp_path, "spin.py", SPIN, toolchain, cache_dir)
    r = both(cache_dir, spin, opts=("--timeout", "1"))
    # the second line was never flushed: the launcher read it from the runtime's buffer
    assert (r.returncode, r.stdout) == (wasm_exec.EXIT_TIMEOUT, b"before the loop\nsecond line")
    assert r.stderr.startswith(b"\nportalis: time limit exceeded")
    r = both(cache_dir, _portalis_wasm(tmp_path, "exit200.py", EXIT200, toolchain, cache_dir))
    assert (r.returncode, r.stdout) == (200, b"bye\n")  # WASI's 125 sentinel, the real status read back
    r = both(cache_dir, _portalis_wasm(tmp_path, "raises.py", RAISES, toolchain, cache_dir))
    assert r.returncode == 1 and r.stdout == b"start\n"
    assert r.stderr.decode().strip().splitlines()[-1] == "ZeroDivisionError: integer division or modulo by zero"
    r = both(cache_dir, _portalis_wasm(tmp_path, "grow.py", GROW, toolchain, cache_dir), opts=("--max-memory", "32"))
    assert (r.returncode, r.stdout) == (wasm_exec.EXIT_MEMORY, b"start\n")


def test_terminal_output_is_line_buffered(tmp_path: Path, toolchain, cache_dir: Path) -> None:
    spin = _portalis_wasm(tmp_path, "spin_tty.py", SPIN, toolchain, cache_dir)
    env = _env(cache_dir, PORTALIS_EXEC_VERBOSE="1")
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:  # child: stdout/stderr are the pty
        os.execve(sys.executable, [*PORTALIS, "exec", "--timeout", "3", str(spin)], env)
    data = b""
    first_line_at = None
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        while time.monotonic() - t0 < 60:
            if not poller.poll(50):  # poll: the pty's fd may be numbered above 1024
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if first_line_at is None and b"before the loop" in data:
                first_line_at = time.monotonic() - t0
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert IN_LAUNCHER.replace("\n", "\r\n").encode() in data
    assert os.waitstatus_to_exitcode(status) == wasm_exec.EXIT_TIMEOUT
    total = time.monotonic() - t0
    assert first_line_at is not None and first_line_at < total - 1.0, (first_line_at, total, data)


# ---------------------------------------------------------------- fallback to Python


def test_fallback_when_the_cwasm_does_not_load(program_wasm: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(wasm_exec, "_modules", {})  # compiled again, into this cache
    cache = tmp_path / "cache"
    assert launcher.prepare_exec(str(program_wasm), cache=str(cache)) == ""
    (cwasm,) = (cache / "cwasm").glob("*-exit.cwasm")
    bad = cwasm.with_suffix(".tmp")
    bad.write_bytes(b"\x7fELF not a module")
    os.replace(bad, cwasm)
    r = _exec(cache, program_wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")
    err = r.stderr.decode()
    assert "not using the native launcher: the compiled module does not load" in err
    assert (r.returncode, r.stdout) == (3, b"to stdout\n") and err.endswith("to stderr\n")
    # the Python path compiled it again: the next run is the launcher's
    r = _exec(cache, program_wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")
    assert r.stderr == IN_LAUNCHER.encode() + b"to stderr\n"


def test_fallback_without_a_c_compiler(program_wasm: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(wasm_exec, "_modules", {})
    cache = tmp_path / "cache"
    wasm_exec.load_module(program_wasm, cache_dir=cache, mode="exit")
    r = _exec(cache, program_wasm, "exit3", PORTALIS_EXEC_VERBOSE="1", CC=str(tmp_path / "no-such-cc"))
    assert b"not using the native launcher: no C compiler" in r.stderr
    assert (r.returncode, r.stdout) == (3, b"to stdout\n")
    r = _exec(cache, program_wasm, "exit3", CC=str(tmp_path / "no-such-cc"))  # not verbose: not a word
    assert (r.returncode, r.stdout, r.stderr) == (3, b"to stdout\n", b"to stderr\n")
    assert not (cache / "launcher").exists()


def test_first_exec_of_an_unprepared_module_runs_in_python(program_wasm: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    r = _exec(cache, program_wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")
    assert b"not using the native launcher: the module is not compiled yet" in r.stderr
    assert (r.returncode, r.stdout) == (3, b"to stdout\n")
    r = _exec(cache, program_wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")  # now it is
    assert r.stderr == IN_LAUNCHER.encode() + b"to stderr\n"


def test_a_module_replaced_in_place_runs_as_the_new_module(prepared: Path, cache_dir: Path, tmp_path: Path,
                                                          toolchain) -> None:
    """The launcher finds the compiled module by the module's content (its SHA-256), not its name
    or time stamps: another module copied over a prepared one never runs the old machine code."""
    other = _portalis_wasm(tmp_path, "other.py", 'print("the other program")\n', toolchain, tmp_path / "c2")
    wasm = tmp_path / "prog.wasm"
    shutil.copyfile(prepared, wasm)
    r = _exec(cache_dir, wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")
    assert (r.returncode, r.stdout, r.stderr) == (3, b"to stdout\n", IN_LAUNCHER.encode() + b"to stderr\n")
    st = wasm.stat()
    shutil.copyfile(other, wasm)
    os.utime(wasm, ns=(st.st_atime_ns, st.st_mtime_ns))  # the same time stamps
    r = _exec(cache_dir, wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")
    assert b"not using the native launcher: the module is not compiled yet" in r.stderr
    assert (r.returncode, r.stdout) == (0, b"the other program\n")
    r = _exec(cache_dir, wasm, "exit3", PORTALIS_EXEC_VERBOSE="1")  # compiled by that run
    assert (r.returncode, r.stdout, r.stderr) == (0, b"the other program\n", IN_LAUNCHER.encode())


def test_launcher_hashes_like_hashlib(prepared: Path, cache_dir: Path, tmp_path: Path) -> None:
    """The launcher's SHA-256 (the compiled module's cache name) is hashlib's, at every padding
    boundary and across its 16 KiB reads."""
    import hashlib
    found = launcher.wasmtime_library()
    assert found is not None
    exe = launcher.launcher_path(found[1], str(cache_dir))
    files = []
    for n in (0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 16383, 16384, 16385, 16447, 16448, 100_000):
        f = tmp_path / f"f{n}"
        f.write_bytes(os.urandom(n))
        files.append(f)
    out = subprocess.run([exe, "--sha256", *map(str, files)], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    r = subprocess.run([exe, "--sha256", str(tmp_path / "missing")], capture_output=True, text=True)
    assert r.returncode == 1 and "No such file" in r.stderr


# ---------------------------------------------------------------- the C source


def test_launcher_compiles_without_warnings(tmp_path: Path) -> None:
    p = subprocess.run(["cc", "-Wall", "-Wextra", "-Werror", "-O2", "-o", str(tmp_path / "pe"), launcher.SOURCE,
                        "-ldl", "-lpthread"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and p.stderr == "", p.stderr


def test_demangle_and_user_frames_match_python(prepared: Path, cache_dir: Path) -> None:
    found = launcher.wasmtime_library()
    assert found is not None
    exe = launcher.launcher_path(found[1], str(cache_dir))
    names = ["_ZN4main4main17h0123456789abcdefE", "_ZN4core9panicking5panic17hdeadbeefdeadbeefE",
             "_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17h1111111111111111E",
             "_ZN5alloc7raw_vec11finish_grow17h2222222222222222E.llvm.9876", "_ZN3foo3barE", "_ZN3fooE.x",
             "_ZN3foo", "_ZN", "_ZNE", "_ZN99fooE", "_ZNxE", "__rust_alloc", "main", "_ZN12_$LT$T$GT$3fooE",
             "_ZN8$RF$$BP$x$u$5a$uzz$E", "_ZN1a17h012345678abcdef0E", "_ZN4main8pf_walk4walk17h0123456789abcdefE"]
    out = subprocess.run([exe, "--demangle", *names], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [wasm_exec.demangle(n) for n in names]
    frames = ["main::pf_walk::walk", "main::pf_walk::walk", "std::rt::x", "main::module_body", "__start",
              "main::main", "<wasm function 3>", "abort", "main::pf_a::b::c", "dlmalloc::x", "main::main"]
    out = subprocess.run([exe, "--user-frames", *frames], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == wasm_exec._user_frames(frames)[:8]


def test_launcher_loads_its_own_copy_of_the_library(prepared: Path, cache_dir: Path) -> None:
    """`build_launcher` placed a byte-identical copy of the wheel's library (written in small
    pieces: see `launcher.library_copy`), and a run maps that copy, not the wheel's."""
    found = launcher.wasmtime_library()
    assert found is not None
    lib, version = found
    copy = Path(launcher.library_copy(lib, version, str(cache_dir)))
    assert copy.read_bytes() == Path(lib).read_bytes()
    proc = subprocess.Popen([*PORTALIS, "exec", "--timeout", "20", str(prepared), "loop"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(cache_dir, PORTALIS_EXEC_VERBOSE="1"))
    try:
        assert proc.stderr is not None
        assert proc.stderr.readline() == IN_LAUNCHER.encode()
        maps = Path(f"/proc/{proc.pid}/maps").read_text()
    finally:
        proc.kill()
        proc.communicate(timeout=60)
    assert str(copy) in maps and lib not in maps


def _max_rss_kb(cmd: list[str], env: dict[str, str] | None = None) -> int:
    """A process's own peak RSS as GNU time reports it (as benchmarks/kernels.py measures it):
    the smallest of three runs (other processes' page-cache churn only ever adds)."""
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "rss")
        for _ in range(3):
            r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out, *cmd], capture_output=True, timeout=120, env=env)
            assert r.returncode in (0, 3), r.stderr
            peaks.append(int(Path(out).read_text().split()[-1]))
    return min(peaks)


def test_launcher_peak_memory_is_below_cpython_hello_world(prepared: Path, cache_dir: Path, monkeypatch) -> None:
    """The launcher maps only the code pages it runs (`no_fault_around` in the C source: without
    it libwasmtime's fault-around put the launcher at ~10.3 MB, above CPython's ~8.7 MB hello
    world): its own peak RSS, measured like the benchmark's, stays below CPython's hello world."""
    found = launcher.wasmtime_library()
    assert found is not None
    exe = launcher.launcher_path(found[1], str(cache_dir))
    turned_off = subprocess.run([exe, "--no-fault-around"], capture_output=True, text=True,
                                check=True).stdout.strip() != "0"
    argv: list[str] = []

    def capture(path: str, args: list[str]) -> None:  # the launcher's command line, as `exec` builds it
        argv.extend(args)
        raise OSError("captured")
    monkeypatch.setattr(launcher.os, "execv", capture)
    monkeypatch.setenv("PORTALIS_CACHE_DIR", str(cache_dir))
    launcher.exec_launcher(str(prepared), ["exit3"], 10.0, 512 << 20, [], "prog.py", [sys.executable, "-c", "pass"])
    assert argv and "libwasmtime" in argv[1], argv
    ours = _max_rss_kb(argv)
    cpython = _max_rss_kb([sys.executable, "-c", "print('hello world')"])
    if not turned_off and ours >= cpython:  # the launcher ran (exit 3), at its ~10 MB of before
        pytest.xfail(f"a known gap: this kernel cannot turn fault-around off (userfaultfd with "
                     f"UFFD_FEATURE_WP_ASYNC: Linux 6.7+): {ours} KB against CPython's {cpython} KB")
    assert ours < cpython, (ours, cpython)


def test_exec_imports_nothing_heavy_before_the_launcher(prepared: Path, cache_dir: Path) -> None:
    """Linux counts the Python part of `portalis exec` in the process's peak memory: before it
    becomes the launcher it must not import argparse, typing, hashlib or wasmtime, nor the rest of
    the command line (`portalis.cli`) when started as the `portalis` command (`portalis.entry`),
    which loads only `codegen.exec_start` of the launcher's code (not `codegen.launcher`, nor
    `__future__`: its peak sits at CPython's start-up, see benchmarks/README.md)."""
    lean = {"portalis.cli", "pathlib", "portalis.codegen.launcher", "portalis.codegen.cache_dir", "__future__"}
    for how, heavy in ((["-m", "portalis"], lean), (["-m", "portalis.cli"], set())):
        r = subprocess.run([sys.executable, "-X", "importtime", *how, "exec", str(prepared), "exit3"],
                           capture_output=True, timeout=120, env=_env(cache_dir, PORTALIS_EXEC_VERBOSE="1"))
        assert r.returncode == 3 and IN_LAUNCHER.encode() in r.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in r.stderr.decode().splitlines() if line.startswith("import time:")}
        assert "portalis.codegen.exec_start" in imported
        heavy |= {"argparse", "typing", "hashlib", "wasmtime", "subprocess", "tempfile"}
        # pathlib: unless site imported it already (an editable install's import hook does)
        heavy -= {"pathlib"} if _site_imports_pathlib() else set()
        assert not imported & heavy, (how, imported & heavy)


def _site_imports_pathlib() -> bool:
    r = subprocess.run([sys.executable, "-c", "import sys; print('pathlib' in sys.modules)"],
                       capture_output=True, text=True, timeout=60)
    return r.stdout.strip() == "True"
