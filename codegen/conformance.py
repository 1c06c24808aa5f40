"""Conformance: run a program under CPython and as WASM on the same inputs; compare.

Owns the verdict (same stdout and exit code, or the first differing line). It runs
CPython as a subprocess with an argument list (never a shell) and the WASM module through
`codegen.wasm_exec`. Must not translate or build.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typing import Callable

from portalis.codegen.wasm_exec import Limits, RunResult, run_wasm


@dataclass(frozen=True)
class Verdict:
    same: bool
    python_exit: int
    wasm_exit: int
    python_stdout: str
    wasm_stdout: str
    detail: str
    limit: str = ""  # the WASM run ended at a Portalis limit: "line N: message"

    def render(self) -> str:
        if self.same:
            return f"same: stdout ({len(self.python_stdout.splitlines())} lines) and exit code {self.python_exit} match"
        if self.limit:
            return (f"STOPPED AT A PORTALIS LIMIT ({self.limit}): the translation does not follow CPython "
                    f"past this point (a refusal at run time, not a wrong result): {self.detail}")
        return "DIFFERENT: " + self.detail


def first_difference(a: str, b: str) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"stdout line {i}: CPython {x!r} vs WASM {y!r}"
    if len(la) != len(lb):
        return f"stdout has {len(la)} lines under CPython, {len(lb)} as WASM"
    return "stdout differs in trailing whitespace" if a != b else ""


class CPythonTimeout(Exception):
    """CPython did not finish the program within its time limit."""


def run_cpython(path: Path, args: list[str], timeout: float | None = 60) -> tuple[int, str, str]:
    try:
        p = subprocess.run([sys.executable, str(path), *args], capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL,  # a language server's stdin holds the client's messages
                           env={"PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired as e:
        raise CPythonTimeout(f"CPython did not finish {path.name} within {timeout:g} s") from e
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def compare_program(path: Path, wasm: Path, args: list[str], limits: Limits = Limits(),
                    python_timeout: float | None = 60) -> Verdict:
    """CPython gets `python_timeout` seconds (it is the slower of the two), the WASM `limits`."""
    try:
        pe, po, perr = run_cpython(path, args, python_timeout)
    except CPythonTimeout as e:
        return Verdict(False, -1, -1, "", "", f"{e} (nothing to compare; the WASM build was not run)")
    return _verdict(pe, po, run_wasm(wasm, args, limits=limits, program_name=path.name), perr)


def compare_run(path: Path, args: list[str], run: Callable[[], RunResult], python_timeout: float | None = 60) -> Verdict:
    """Like `compare_program`, for a WASM run someone else performs (`run()`, e.g.
    portalis.pipeline.run_program, which reruns a program that outgrows 64-bit ints)."""
    try:
        pe, po, perr = run_cpython(path, args, python_timeout)
    except CPythonTimeout as e:
        return Verdict(False, -1, -1, "", "", f"{e} (nothing to compare; the WASM build was not run)")
    return _verdict(pe, po, run(), perr)


def uncaught(stderr: str) -> str | None:
    """The exception line a traceback ends with (`KeyError: 'zz'`), or None without a traceback."""
    if "Traceback (most recent call last):" not in stderr:
        return None
    return stderr.rstrip("\n").rpartition("\n")[2]


def _verdict(pe: int, po: str, r: RunResult, perr: str = "") -> Verdict:
    wo = r.stdout.decode("utf-8", "replace")
    detail = ""
    if po != wo:
        detail = first_difference(po, wo)
    elif pe != r.exit_code:
        detail = f"exit code: CPython {pe} vs WASM {r.exit_code}" + (f" ({r.message})" if r.message else "")
    elif uncaught(perr) is not None and uncaught(perr) != uncaught(r.stderr.decode("utf-8", "replace")):
        # the same output and exit code, but another uncaught exception (class or message)
        detail = (f"uncaught exception: CPython {uncaught(perr)!r} vs WASM "
                  f"{uncaught(r.stderr.decode('utf-8', 'replace'))!r}")
    limit = ""
    if detail and r.stop_limit_line:
        last = r.stderr.decode("utf-8", "replace").rstrip("\n").rpartition("\n")[2]
        limit = f"line {r.stop_limit_line}: {last}" if last else f"line {r.stop_limit_line}"
    return Verdict(not detail, pe, r.exit_code, po, wo, detail, limit)
