"""One REAL local Triton per test session, started the way users start it: `portalis model serve`
(a separate process running nvidia-pytriton's bundled tritonserver on model_repository/).
If it cannot start, the tests that need it FAIL (never skip)."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest


@pytest.fixture(scope="session")
def triton(tmp_path_factory):
    log = tmp_path_factory.mktemp("triton") / "tritonserver.log"
    exe = os.path.join(os.path.dirname(sys.executable), "portalis")
    proc = subprocess.Popen([exe, "model", "serve", "--log", str(log)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = ""
    end = time.monotonic() + 150
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if line or proc.poll() is not None:
            break
    m = re.search(r"ready: (http://\S+) (grpc://\S+)", line)
    if not m:
        proc.kill()
        out, err = proc.communicate(timeout=10)
        pytest.fail(f"portalis model serve did not start a Triton: {line}{out}{err}"
                    f"\n{log.read_text(errors='replace')[-2000:] if log.exists() else ''}")
    info = {"http": m.group(1), "grpc": m.group(2), "proc": proc, "log": log}
    yield info
    from portalis.model import close_clients
    close_clients()                 # Triton waits up to --exit-timeout-secs for open connections
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("portalis model serve did not stop on SIGTERM within 30 s")
    out = proc.stdout.read()
    if proc.returncode != 0 or "stopped (tritonserver exit 0)" not in out:
        pytest.fail(f"portalis model serve did not stop cleanly: exit {proc.returncode}, {out!r}")
