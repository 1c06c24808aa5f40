"""portalis.codegen.wasm_exec with real wasmtime on a real rustc-built WASI module."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from portalis.codegen import wasm_exec
from portalis.codegen.wasm_exec import (
    EXIT_INTERRUPTED,
    EXIT_MEMORY,
    EXIT_TIMEOUT,
    EXIT_TRAP,
    Limits,
    RunResult,
    demangle,
    load_module,
    run_wasm,
)


def test_stdout_stderr_exit_code(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["exit3"], cache_dir=cache_dir)
    assert isinstance(r, RunResult)
    assert r.exit_code == 3
    assert r.stdout == b"to stdout\n"
    assert r.stderr == b"to stderr\n"
    assert r.trap is None and r.limit_hit is None and r.message == ""


def test_normal_exit_and_args(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["a b", "ü", "--flag"], cache_dir=cache_dir)
    assert r.exit_code == 0
    assert r.stdout.decode() == 'args=["prog.py", "a b", "ü", "--flag"]\n'
    r = run_wasm(program_wasm, [], program_name="other.py", cache_dir=cache_dir)
    assert r.stdout.decode() == 'args=["other.py"]\n'


def test_stdin(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["stdin"], stdin=b"hello\n", cache_dir=cache_dir)
    assert r.stdout == b"got HELLO\n\n"
    r = run_wasm(program_wasm, ["stdin"], cache_dir=cache_dir)  # no stdin given: empty
    assert r.exit_code == 0 and r.stdout == b"got \n"


def test_no_env_by_default(program_wasm: Path, cache_dir: Path) -> None:
    assert run_wasm(program_wasm, ["env"], cache_dir=cache_dir).stdout == b"env=[]\n"
    r = run_wasm(program_wasm, ["env"], env={"K": "v"}, cache_dir=cache_dir)
    assert r.stdout == b'env=[("K", "v")]\n'


def test_timeout(program_wasm: Path, cache_dir: Path) -> None:
    t0 = time.perf_counter()
    r = run_wasm(program_wasm, ["loop"], limits=Limits(timeout=1.0), cache_dir=cache_dir)
    wall = time.perf_counter() - t0
    assert r.limit_hit == "timeout"
    assert r.exit_code == EXIT_TIMEOUT == 124
    assert 1.0 <= r.seconds < 2.0, r.seconds
    assert wall < 2.0
    assert b"time limit exceeded" in r.stderr and b"--timeout SECONDS" in r.stderr
    assert "1 s" in r.message
    assert r.trap is not None and r.trap.code == "INTERRUPT"


def test_concurrent_runs_do_not_interrupt_each_other(program_wasm: Path, cache_dir: Path) -> None:
    results: dict[str, RunResult] = {}

    def go(name: str, args: list[str], limits: Limits) -> None:
        results[name] = run_wasm(program_wasm, args, limits=limits, cache_dir=cache_dir)

    threads = [threading.Thread(target=go, args=("spin", ["loop"], Limits(timeout=0.3)))]
    threads += [threading.Thread(target=go, args=(f"ok{i}", ["count", "30000000"], Limits(timeout=30)))
                for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results["spin"].limit_hit == "timeout"
    for i in range(2):
        assert results[f"ok{i}"].exit_code == 0, results[f"ok{i}"].stderr
        assert results[f"ok{i}"].stdout.startswith(b"sum=")


def test_memory_limit(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["mem"], limits=Limits(max_memory=32 * 1024 * 1024), cache_dir=cache_dir)
    assert r.limit_hit == "memory"
    assert r.exit_code == EXIT_MEMORY == 137
    assert b"memory limit exceeded" in r.stderr and b"--max-memory MB" in r.stderr
    assert "32 MB" in r.message


def test_memory_limit_below_initial_memory(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["x"], limits=Limits(max_memory=64 * 1024), cache_dir=cache_dir)
    assert r.limit_hit == "memory" and r.exit_code == EXIT_MEMORY
    assert b"--max-memory MB" in r.stderr and r.stdout == b""


def test_default_memory_limit_is_512_mib(program_wasm: Path, cache_dir: Path) -> None:
    assert Limits().max_memory == 512 * 1024 * 1024 and Limits().timeout == 10
    r = run_wasm(program_wasm, ["mem"], cache_dir=cache_dir)
    assert r.limit_hit == "memory" and "512 MB" in r.message


def test_no_filesystem_by_default(program_wasm: Path, cache_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("secret")
    r = run_wasm(program_wasm, ["read", str(tmp_path / "in.txt")], cache_dir=cache_dir)
    assert r.exit_code == 0 and r.stdout.startswith(b"ERR "), r.stdout
    r = run_wasm(program_wasm, ["write", str(tmp_path / "out.txt")], cache_dir=cache_dir)
    assert r.stdout.startswith(b"ERR ") and not (tmp_path / "out.txt").exists()


def test_dirs_grant_filesystem(program_wasm: Path, cache_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("secret")
    r = run_wasm(program_wasm, ["read", "/data/in.txt"], dirs=[(str(tmp_path), "/data")], cache_dir=cache_dir)
    assert r.stdout == b"OK secret\n"
    r = run_wasm(program_wasm, ["write", "/data/out.txt"], dirs=[(tmp_path, "/data")], cache_dir=cache_dir)
    assert r.stdout == b"WROTE\n"
    assert (tmp_path / "out.txt").read_text() == "written by wasm"


def test_abort_trap_names_functions(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["abort"], cache_dir=cache_dir)
    assert r.exit_code == EXIT_TRAP
    assert r.trap is not None and r.limit_hit is None
    assert r.trap.code == "UNREACHABLE"
    assert "unreachable" in r.trap.message
    assert "main::crash_here" in r.trap.frames
    assert "main::main" in r.trap.frames
    assert r.trap.frames.index("main::crash_here") < r.trap.frames.index("main::main")
    assert b"the program crashed" in r.stderr and b"main::crash_here" in r.stderr


def test_panic_message_and_trap(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["panic"], cache_dir=cache_dir)
    assert r.exit_code == EXIT_TRAP and r.trap is not None
    assert b"index out of bounds" in r.stderr
    assert "main::main" in r.trap.frames


def test_stack_overflow_trap(program_wasm: Path, cache_dir: Path) -> None:
    r = run_wasm(program_wasm, ["stack"], cache_dir=cache_dir)
    assert r.exit_code == EXIT_TRAP and r.trap is not None
    assert r.trap.code == "STACK_OVERFLOW"
    assert "main::recurse" in r.trap.frames
    assert b"stack overflow" in r.stderr


def test_capture_false_inherits_streams(program_wasm: Path, cache_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from portalis.codegen.wasm_exec import run_wasm, Limits\n"
        "print('before', flush=True)\n"
        f"r = run_wasm(Path({str(program_wasm)!r}), sys.argv[1:], capture=False, cache_dir=Path({str(cache_dir)!r}),"
        " limits=Limits(timeout=0.5))\n"
        "print('after', r.exit_code, r.stdout, r.limit_hit)\n"
        "sys.exit(r.exit_code)\n"
    )
    p = subprocess.run([sys.executable, "-c", code, "exit3"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 3
    assert p.stdout == "before\nto stdout\nafter 3 b'' None\n"
    assert p.stderr == "to stderr\n"
    p = subprocess.run([sys.executable, "-c", code, "stdin"], input="live", capture_output=True, text=True, timeout=60)
    assert p.stdout == "before\ngot LIVE\nafter 0 b'' None\n"
    p = subprocess.run([sys.executable, "-c", code, "loop"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 124 and "--timeout SECONDS" in p.stderr


def test_module_cache(program_wasm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c"
    monkeypatch.setattr(wasm_exec, "_modules", {})
    _, cached = load_module(program_wasm, cache)
    assert not cached
    cwasm = list((cache / "cwasm").glob("*.cwasm"))
    assert len(cwasm) == 1 and "-" in cwasm[0].stem
    _, cached = load_module(program_wasm, cache)
    assert cached  # in-process
    monkeypatch.setattr(wasm_exec, "_modules", {})
    t0 = time.perf_counter()
    _, cached = load_module(program_wasm, cache)
    assert cached and time.perf_counter() - t0 < 0.05  # deserialized from disk
    # a corrupt cache entry is recompiled and replaced.  Replace it atomically: cwasm files are
    # mmapped by deserialize_file, so rewriting one in place would crash live modules (SIGBUS).
    (cache / "garbage.tmp").write_bytes(b"garbage")
    (cache / "garbage.tmp").replace(cwasm[0])
    monkeypatch.setattr(wasm_exec, "_modules", {})
    _, cached = load_module(program_wasm, cache)
    assert not cached and cwasm[0].stat().st_size > 1000
    r = run_wasm(program_wasm, ["x"], cache_dir=cache)
    assert r.exit_code == 0 and r.module_cached



def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_loaded_modules_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-lived process (the language server, a test worker) loads one new module per
    edit: only the `MODULES_KEPT` most recently used stay loaded, so their memory images (one
    memfd each) do not pile up until the process runs out of file descriptors."""
    import wasmtime
    monkeypatch.setattr(wasm_exec, "_modules", {})
    paths = []
    for i in range(wasm_exec.MODULES_KEPT + 8):
        p = tmp_path / f"m{i}.wasm"
        p.write_bytes(wasmtime.wat2wasm(
            f'(module (memory (export "memory") 1) (data (i32.const 8) "module {i}"))'))
        paths.append(p)
    load_module(paths[0], tmp_path / "c")
    before = _fds()
    for p in paths[1:]:
        load_module(p, tmp_path / "c")
        load_module(paths[0], tmp_path / "c")  # kept loaded: it is used again and again
    assert len(wasm_exec._modules) == wasm_exec.MODULES_KEPT
    assert _fds() - before <= wasm_exec.MODULES_KEPT
    assert load_module(paths[0], tmp_path / "c")[1] and load_module(paths[-1], tmp_path / "c")[1]
    n = len(list((tmp_path / "c" / "cwasm").glob("*.cwasm")))
    assert n == len(paths)  # a module let go is deserialized from disk when it comes back
    _, cached = load_module(paths[1], tmp_path / "c")
    assert cached


INTERRUPT_WITH_MANY_FDS = """
import os, resource, signal, sys, threading
from pathlib import Path
from portalis.codegen.wasm_exec import Limits, run_wasm
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft < 1200:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
while os.dup(0) < 1100:
    pass
threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
r = run_wasm(Path(sys.argv[1]), ["loop"], limits=Limits(timeout=20), cache_dir=Path(sys.argv[2]),
            timeout_mode="exit")
print("not interrupted", r.exit_code)
"""


def test_ctrl_c_stops_the_guest_in_a_process_with_many_open_files(program_wasm: Path, cache_dir: Path) -> None:
    """The watchdog's wakeup pipe gets an fd number above 1024 in a process with many files
    open (select() cannot wait on those): Ctrl-C still stops the guest at once."""
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-c", INTERRUPT_WITH_MANY_FDS, str(program_wasm), str(cache_dir)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == EXIT_INTERRUPTED, (p.returncode, p.stdout, p.stderr)
    assert "KeyboardInterrupt" in p.stderr
    assert time.monotonic() - t0 < 15


def test_demangle() -> None:
    assert demangle("_ZN4main4main17h33da4f3b554aea07E") == "main::main"
    assert demangle("_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17h8bcafb02b1c2326bE") == \
        "std::rt::lang_start::{{closure}}"
    assert demangle("_ZN60_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..ops..Drop$GT$4drop17h0123456789abcdefE") == \
        "<alloc::vec::Vec<T> as core::ops::Drop>::drop"
    assert demangle("abort") == "abort"
    assert demangle("_ZNbroken") == "_ZNbroken"
    assert demangle("_ZN71_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..ops..Drop$GT$4drop17h0123456789abcdefE") == \
        "_ZN71_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..ops..Drop$GT$4drop17h0123456789abcdefE"


def test_user_frames_drop_the_per_function_module_and_collapse_recursion() -> None:
    frames = ["core::panicking::panic", "main::pf_walk::walk", "main::pf_walk::walk", "main::pf_module_body::module_body",
              "main::main", "_start"]
    assert wasm_exec._user_frames(frames) == ["main::walk (x2)", "main::module_body", "main::main"]
