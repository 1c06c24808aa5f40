"""What a translated program printed is never lost: not when it traps, not when it hits the
time or memory limit (in either timeout mode), not on Ctrl-C; and on a terminal it appears line
by line, as CPython's does. Real builds, real wasmtime, `portalis` as a subprocess."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from portalis.codegen.wasm_exec import EXIT_MEMORY, EXIT_TIMEOUT, Limits, run_wasm
from portalis.pipeline import build_program

PORTALIS = [sys.executable, "-m", "portalis.cli"]

SPIN = 'print("before the loop")\nprint("second line")\ni = 0\nwhile True:\n    i = (i + 1) % 7\n'
GROW = 'print("start")\nxs = [0] * 10\nwhile True:\n    xs = xs + xs\n'


def _wasm(tmp_path: Path, name: str, src: str, toolchain) -> tuple[Path, Path]:
    p = tmp_path / name
    p.write_text(src)
    pb = build_program(src, str(p), toolchain=toolchain)
    assert pb.wasm_path is not None, pb.build.format_errors() if pb.build else pb.translation
    return p, pb.wasm_path


def test_timeout_in_process_keeps_output(tmp_path, toolchain):
    _, wasm = _wasm(tmp_path, "spin.py", SPIN, toolchain)
    r = run_wasm(wasm, limits=Limits(timeout=0.5), timeout_mode="trap")
    assert r.exit_code == EXIT_TIMEOUT
    assert r.stdout == b"before the loop\nsecond line\n"
    assert b"time limit exceeded" in r.stderr


def test_memory_limit_keeps_output(tmp_path, toolchain):
    _, wasm = _wasm(tmp_path, "grow.py", GROW, toolchain)
    for mode in ("trap", "exit"):
        r = run_wasm(wasm, limits=Limits(timeout=20, max_memory=32 << 20), timeout_mode=mode)
        assert r.exit_code == EXIT_MEMORY, r.stderr
        assert r.stdout == b"start\n"


def test_cli_timeout_keeps_output(tmp_path, toolchain):
    """`portalis run` (timeout_mode "exit": a watchdog ends the process) prints what the program
    printed, then the message, and exits 124."""
    p, _ = _wasm(tmp_path, "spin.py", SPIN, toolchain)
    t0 = time.monotonic()
    r = subprocess.run([*PORTALIS, "run", "--timeout", "1", str(p)], capture_output=True, text=True, timeout=120)
    assert r.returncode == EXIT_TIMEOUT
    assert r.stdout == "before the loop\nsecond line\n"
    assert "time limit exceeded" in r.stderr and "--timeout" in r.stderr
    assert time.monotonic() - t0 < 60


def test_cli_ctrl_c_keeps_output(tmp_path, toolchain):
    p, _ = _wasm(tmp_path, "spin.py", SPIN, toolchain)
    proc = subprocess.Popen([*PORTALIS, "run", "--timeout", "0", str(p)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # start-up, cached build, instantiate: the program is in its loop by then
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert out == "before the loop\nsecond line\n"
    assert "KeyboardInterrupt" in err


def test_terminal_output_is_line_buffered(tmp_path, toolchain):
    """On a terminal the first line shows while the program still runs (here: long before the
    1.5 s time limit ends it), not only when it stops."""
    p, _ = _wasm(tmp_path, "spin.py", SPIN, toolchain)
    pid, fd = pty.fork()
    if pid == 0:  # child: stdout/stderr are the pty
        os.execv(sys.executable, [sys.executable, "-m", "portalis.cli", "run", "--timeout", "1.5", str(p)])
    seen: dict[str, float] = {}
    buf = b""
    t0 = time.monotonic()
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        while time.monotonic() - t0 < 60:
            if not poller.poll(1000):  # poll: the pty's fd may be numbered above 1024
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break  # child closed the pty
            if not chunk:
                break
            buf += chunk
            for key in ("before the loop", "time limit exceeded"):
                if key.encode() in buf and key not in seen:
                    seen[key] = time.monotonic()
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == EXIT_TIMEOUT, buf
    assert "before the loop" in seen and "time limit exceeded" in seen, buf
    assert seen["time limit exceeded"] - seen["before the loop"] > 0.75, buf


def test_check_reports_a_cpython_timeout(tmp_path, toolchain):
    from portalis.codegen.conformance import compare_program
    p, wasm = _wasm(tmp_path, "spin.py", SPIN, toolchain)
    v = compare_program(p, wasm, [], python_timeout=1)
    assert not v.same and "did not finish spin.py within 1 s" in v.render()
