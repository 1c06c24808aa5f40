"""Kernel benchmark: whole processes on both sides, CPython vs the `portalis build` module vs native.

For every program in benchmarks/kernels/*.py (except fifty_lines.py, which belongs to
translate_cost.py), each sized so that CPython takes ~2-5 s:

* CPython: ``sys.executable kernel.py`` (the interpreter ``python3`` runs here; the venv's
           python is the same binary without pyenv's shell shim).
* WASM:    ``portalis build kernel.py -o kernel.wasm`` (the release build; untimed), then
           ``portalis exec kernel.wasm`` as a subprocess, exactly as a user runs it: Python
           start-up and the CLI's first lines, which exec the native launcher
           (``codegen.launcher``, built by ``portalis build``), wasmtime loading the module's
           compiled form from the on-disk cache (filled once, untimed, by ``portalis build`` /
           ``load_module`` as a user's first run would) and the run.  ``--timeout`` is set to
           the cap below and ``--max-memory`` to 4 GiB.
* native:  the same crate (``translate_source`` + ``write_crate``) built with rustup's rustc
           (``build_native``: -O3, one codegen unit), run as a subprocess: the WASM/native
           reference.

Both sides run with Python's bytecode cache on (`child_env`: an installed portalis has compiled
modules; this machine's environment sets PYTHONDONTWRITEBYTECODE=1).

Every time is the wall time of the whole process, taken from ``--runs`` runs interleaved
(CPython, WASM, native, CPython, ...) so that load on the shared machine hits all sides
alike; the minimum is reported (the median is in ``--json``).  Peak memory is each process's
own maximum resident set size as GNU time (``/usr/bin/time``, Debian package ``time``) reports
it, the largest over the runs (without it, the memory columns are empty).
Nothing is subtracted.  Start-up is reported on its own line: a hello world on each side (after
one untimed run of each).

stdout must equal CPython's byte for byte (and the exit code be 0); otherwise the kernel is
printed as ``*** EXCLUDED`` with the difference and left out of the summary.  A side that
exceeds ``--cap`` seconds is stopped and not run again; the kernel's speedup is then reported
as an upper bound ``<N x`` and enters the medians as that bound.

Targets (issue 15): median speedup CPython/WASM >= 20x, no kernel below 5x, median
WASM/native <= 1.5x, WASM peak memory <= CPython's on every kernel; printed as PASS/FAIL, also
the median speedup of the everyday (text, dict, record) kernels and of the numeric ones.
Exit code 0 unless something crashed (or, with --strict, a target is missed).

    .venv/bin/python benchmarks/kernels.py [--runs N] [--only NAME] [--cap S] [--json FILE] [--strict]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from portalis.codegen.build import build_native
from portalis.codegen.crate import write_crate
from portalis.codegen.wasm_exec import load_module
from portalis.pipeline import translate_source

HERE = Path(__file__).resolve().parent
KERNELS = HERE / "kernels"
SKIP = {"fifty_lines.py"}  # used by translate_cost.py
# the kernels of the kind most programs are made of: strings, dicts, lists of records
EVERYDAY = {"edit_distance", "group_by", "json_like", "log_report", "lookup", "ngrams", "parse_numbers",
            "sort_records", "strings", "text_clean", "tokenizer", "tree_rec", "wordcount"}
TARGET_SPEEDUP = 20.0
TARGET_MIN_SPEEDUP = 5.0
TARGET_NATIVE_RATIO = 1.5
CPYTHON_RANGE = (2.0, 5.0)  # the intended CPython time per kernel, seconds
MAX_MEMORY_MB = 4096
HELLO = 'print("hello")\n'


ENV: dict[str, str] = {}  # the environment of every subprocess (see child_env)


def child_env(tmp: Path) -> dict[str, str]:
    """This environment with Python's bytecode cache on (in a private directory), for both
    sides: an installed portalis has its modules compiled (pip does it at install), but these
    machines set PYTHONDONTWRITEBYTECODE=1, under which every `portalis exec` would compile its
    own modules again (~15 ms). CPython compiles a main script on every run either way."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def portalis_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "portalis"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "portalis.cli"]


@dataclass
class Proc:
    """One finished (or stopped) subprocess."""

    seconds: float
    max_rss_mb: float | None  # None: no GNU time
    exit_code: int
    stdout: bytes
    stderr: bytes
    timed_out: bool


TIME = Path("/usr/bin/time")  # GNU time (Debian package `time`): a child's own peak RSS


def run_process(cmd: list[str], cap: float, tmp: Path) -> Proc:
    """Run ``cmd``; wall time from spawn to exit; its peak RSS as GNU time reports it.

    Not ``os.wait4`` on our own child: Linux keeps a process's peak RSS across exec, so a child
    of this (large) Python process would report at least this process's size; GNU time is ~1 MB.
    The run gets a session of its own, so the cap stops the program and not only ``time``."""
    out_path, err_path, mem_path = tmp / "stdout", tmp / "stderr", tmp / "maxrss"
    mem_path.unlink(missing_ok=True)
    full = [str(TIME), "-f", "%M", "-o", str(mem_path), *cmd] if TIME.is_file() else cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
                             env=ENV or None)
        # a blocking wait (Popen.wait(timeout=...) polls with sleeps of up to 50 ms) and a timer
        # for the cap; the lock keeps the timer from signalling a process group already reaped
        lock = threading.Lock()
        state = {"reaped": False, "stopped": False}

        def stop() -> None:
            with lock:
                if not state["reaped"]:
                    state["stopped"] = True
                    os.killpg(p.pid, signal.SIGKILL)
        timer = threading.Timer(cap, stop)
        timer.start()
        _, status = os.waitpid(p.pid, 0)
        dt = time.perf_counter() - t0
        with lock:
            state["reaped"] = True
        timer.cancel()
        code = os.waitstatus_to_exitcode(status)
        p.returncode = code  # reaped here, not by Popen
        stopped = state["stopped"]
    rss = None
    if mem_path.is_file():
        lines = mem_path.read_text().split()
        if lines and lines[-1].isdigit():
            rss = int(lines[-1]) / 1024.0
    return Proc(dt, rss, code, out_path.read_bytes(), err_path.read_bytes(), stopped)


@dataclass
class Side:
    name: str
    cmd: list[str]
    times: list[float]
    rss: list[float | None]
    timed_out: bool = False
    error: str | None = None


def measure(sides: list[Side], runs: int, cap: float, tmp: Path, expected: bytes | None) -> bytes | None:
    """Interleaved runs of every side; checks stdout against ``expected`` (or the first
    side's first output) and records errors; returns the expected output."""
    for _ in range(runs):
        for s in sides:
            if s.error is not None or s.timed_out:
                continue
            r = run_process(s.cmd, cap, tmp)
            if r.timed_out:  # its peak memory is unknown (time was stopped too)
                s.timed_out = True
                continue
            if r.exit_code != 0:
                s.error = f"{s.name} exited {r.exit_code}: {r.stderr.decode(errors='replace')[-400:]}"
                continue
            if expected is None:
                expected = r.stdout
            elif r.stdout != expected:
                s.error = (f"{s.name.upper()} OUTPUT MISMATCH:\n  cpython: {expected[:300]!r}\n"
                           f"  {s.name}: {r.stdout[:300]!r}")
                continue
            s.times.append(r.seconds)
            s.rss.append(r.max_rss_mb)
    return expected


def build_sides(path: Path, tmp: Path, cap: float) -> tuple[list[Side], str | None]:
    """`portalis build` + native build of one program; the three sides to run, or an error."""
    name = path.stem
    wasm = tmp / f"{name}.wasm"
    b = subprocess.run([*portalis_cmd(), "build", str(path), "-o", str(wasm)], capture_output=True,
                       timeout=900, check=False, env=ENV or None)
    if b.returncode != 0 or not wasm.is_file():
        return [], f"portalis build exited {b.returncode}: {b.stderr.decode(errors='replace')[-400:]}"
    load_module(wasm, mode="exit")  # the compiled module in the on-disk cache, as after a first exec
    tr = translate_source(path.read_text(), str(path))
    if tr.crate is None:
        return [], "translate_source gave no crate"
    crate_dir = write_crate(tr.crate, tmp / f"{name}-crate")
    nb = build_native(crate_dir, tmp / f"{name}.bin")
    if not nb.ok or nb.wasm_path is None:
        return [], "native build failed: " + nb.format_errors()[:400]
    return [
        Side("cpython", [sys.executable, str(path)], [], []),
        Side("wasm", [*portalis_cmd(), "exec", "--timeout", f"{cap + 5:g}", "--max-memory", str(MAX_MEMORY_MB),
                      str(wasm)], [], []),
        Side("native", [str(nb.wasm_path)], [], []),
    ], None


def side_time(s: Side, cap: float) -> tuple[float, bool]:
    """(seconds, is_lower_bound)."""
    return (cap, True) if s.timed_out or not s.times else (min(s.times), False)


def bench_kernel(path: Path, runs: int, cap: float, tmp: Path) -> dict:
    row: dict = {"kernel": path.stem, "everyday": path.stem in EVERYDAY, "ok": False, "error": None}
    sides, err = build_sides(path, tmp, cap)
    if err is not None:
        row["error"] = err
        return row
    measure(sides, runs, cap, tmp, None)
    for s in sides:
        row[f"{s.name}_runs"] = s.times
        row[f"{s.name}_mb"] = peak(s.rss)
        row[f"{s.name}_timed_out"] = s.timed_out
    errors = [s.error for s in sides if s.error is not None]
    if errors:
        row["error"] = "; ".join(errors)
        return row
    cp, wa, na = sides
    if cp.timed_out:
        row["error"] = f"CPython took more than the cap ({cap:g} s)"
        return row
    row["cpython_s"] = min(cp.times)
    row["cpython_median_s"] = statistics.median(cp.times)
    row["wasm_s"], row["wasm_bound"] = side_time(wa, cap)
    row["native_s"], row["native_bound"] = side_time(na, cap)
    if wa.times:
        row["wasm_median_s"] = statistics.median(wa.times)
    row["speedup"] = row["cpython_s"] / row["wasm_s"]
    # both at the cap: unknown; only WASM at the cap: a lower bound
    row["wasm_native"] = None if row["wasm_bound"] and row["native_bound"] else row["wasm_s"] / row["native_s"]
    row["ok"] = True
    return row


def peak(rss: list[float | None]) -> float | None:
    """The largest peak RSS over the runs; None if any run's is unknown (or none finished)."""
    known = [r for r in rss if r is not None]
    return max(known) if known and len(known) == len(rss) else None


def fmt_mb(v: float | None) -> str:
    return "-" if v is None else f"{v:.0f}"


def mem_over(row: dict) -> bool:
    return row["wasm_mb"] is not None and row["cpython_mb"] is not None and row["wasm_mb"] > row["cpython_mb"]


def fmt_ratio(row: dict) -> str:
    if row["wasm_native"] is None:
        return "-"
    return (">" if row["wasm_bound"] else "<" if row["native_bound"] else "") + f"{row['wasm_native']:.2f}x"


def fmt_x(v: float) -> str:
    return f"{v:.1f}x" if v >= 1 else f"{v:.2f}x"


def fmt_s(v: float, bound: bool) -> str:
    return (">" if bound else "") + (f"{v:.3f}" if v < 10 else f"{v:.1f}")


def startup(runs: int, tmp: Path) -> dict:
    """Hello world on each side: the fixed cost in every row."""
    src = tmp / "hello.py"
    src.write_text(HELLO)
    sides, err = build_sides(src, tmp, 60.0)
    if err is not None:
        raise RuntimeError("hello world: " + err)
    # one untimed run of each side first: the first `portalis exec` after an install runs in
    # Python and records where the launcher is for the /bin/sh front (codegen/exec_start.py),
    # as CPython's first run of a script writes its byte code; every later run is the steady state
    measure(sides, 1, 60.0, tmp, b"hello\n")
    for s in sides:
        s.times.clear()
        s.rss.clear()
    measure(sides, max(runs, 5), 60.0, tmp, b"hello\n")
    for s in sides:
        if s.error is not None:
            raise RuntimeError("hello world: " + s.error)
    return {s.name: {"s": min(s.times), "mb": peak(s.rss)} for s in sides}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per side; the minimum is reported (default 3)")
    ap.add_argument("--only", action="append", help="kernel name (file stem); repeatable")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds after which a run is stopped (default 60)")
    ap.add_argument("--json", help="write the results to this JSON file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()

    paths = [p for p in sorted(KERNELS.glob("*.py")) if p.name not in SKIP]
    if args.only:
        paths = [p for p in paths if p.stem in args.only]
        if not paths:
            print(f"no kernel named {args.only}", file=sys.stderr)
            return 2
    print(f"{len(paths)} kernels, whole processes, min of {args.runs} interleaved runs, wall time: "
          f"CPython `{Path(sys.executable).name} kernel.py` vs `portalis exec kernel.wasm` (the `portalis build` "
          f"module) vs the same crate built natively; peak RSS per process")
    rows = []
    tmp_root = Path(tempfile.mkdtemp(prefix="portalis-bench-"))
    ENV.update(child_env(tmp_root))
    try:
        st = startup(args.runs, tmp_root)
        print(f"start-up (hello world, min of {max(args.runs, 5)}): CPython {st['cpython']['s']:.3f} s "
              f"{fmt_mb(st['cpython']['mb'])} MB | portalis exec {st['wasm']['s']:.3f} s {fmt_mb(st['wasm']['mb'])} MB | "
              f"native {st['native']['s']:.3f} s {fmt_mb(st['native']['mb'])} MB")
        hdr = (f"{'kernel':<15}{'CPython s':>10}{'WASM s':>9}{'native s':>9}{'speedup':>9}{'WASM/nat':>9}"
               f"{'Py MB':>8}{'WASM MB':>8}{'nat MB':>8}")
        print(hdr)
        print("-" * len(hdr))
        for p in paths:
            row = bench_kernel(p, args.runs, args.cap, tmp_root)
            rows.append(row)
            tag = "*" if row["everyday"] else " "
            if row["ok"]:
                flags = []
                lo, hi = CPYTHON_RANGE
                if not lo <= row["cpython_s"] <= hi:
                    flags.append(f"CPython outside {lo:g}-{hi:g} s")
                if mem_over(row):
                    flags.append("WASM memory > CPython")
                sp = ("<" if row["wasm_bound"] else "") + fmt_x(row["speedup"])
                print(f"{row['kernel'] + tag:<15}{row['cpython_s']:>10.3f}{fmt_s(row['wasm_s'], row['wasm_bound']):>9}"
                      f"{fmt_s(row['native_s'], row['native_bound']):>9}{sp:>9}{fmt_ratio(row):>9}"
                      f"{fmt_mb(row['cpython_mb']):>8}{fmt_mb(row['wasm_mb']):>8}{fmt_mb(row['native_mb']):>8}"
                      + (f"  ({'; '.join(flags)})" if flags else ""), flush=True)
            else:
                print(f"{row['kernel'] + tag:<15}  *** EXCLUDED: {row['error']}", flush=True)
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)

    good = [r for r in rows if r["ok"]]
    summary: dict = {"runs": args.runs, "cap_s": args.cap, "kernels": len(rows), "measured": len(good),
                     "startup": st, "date": time.strftime("%Y-%m-%d")}
    print("-" * len(hdr))
    print("* = everyday kernel (text, dicts, records); '<' / '>' = bound: a run reached the cap")
    passes = []
    if good:
        med = statistics.median(r["speedup"] for r in good)
        low = min(good, key=lambda r: r["speedup"])
        ratios = [r["wasm_native"] for r in good if r["wasm_native"] is not None]
        med_nat = statistics.median(ratios) if ratios else float("nan")
        over_mem = [r["kernel"] for r in good if mem_over(r)]
        mem_unknown = [r["kernel"] for r in good if r["wasm_mb"] is None or r["cpython_mb"] is None]
        below = [f"{r['kernel']} {fmt_x(r['speedup'])}" for r in good if r["speedup"] < TARGET_MIN_SPEEDUP]
        every = [r["speedup"] for r in good if r["everyday"]]
        numeric = [r["speedup"] for r in good if not r["everyday"]]
        checks = [
            (f"median speedup over {len(good)} kernels: {med:.1f}x (target >= {TARGET_SPEEDUP:g}x)", med >= TARGET_SPEEDUP),
            (f"lowest speedup: {low['kernel']} {fmt_x(low['speedup'])} (target >= {TARGET_MIN_SPEEDUP:g}x"
             + (f"; below: {', '.join(below)})" if below else ")"), not below),
            (f"median WASM/native over {len(ratios)} kernels: {med_nat:.2f}x (target <= {TARGET_NATIVE_RATIO:g}x)",
             med_nat <= TARGET_NATIVE_RATIO),
            (f"WASM peak memory <= CPython's on every kernel"
             + (f" (over: {', '.join(over_mem)})" if over_mem else "")
             + (f" (not measured: {', '.join(mem_unknown)})" if mem_unknown else "")
             + f" [hello world alone: {fmt_mb(st['wasm']['mb'])} vs {fmt_mb(st['cpython']['mb'])} MB]",
             not mem_unknown and not over_mem),
        ]
        for text, ok in checks:
            print(f"{text}: {'PASS' if ok else 'FAIL'}")
            passes.append(ok)
        if every:
            print(f"median speedup, everyday kernels ({len(every)}): {statistics.median(every):.1f}x; "
                  f"numeric kernels ({len(numeric)}): {statistics.median(numeric):.1f}x" if numeric else "")
        summary.update(median_speedup=med, min_speedup=low["speedup"], median_wasm_native=med_nat,
                       memory_over=over_mem, median_everyday=statistics.median(every) if every else None,
                       median_numeric=statistics.median(numeric) if numeric else None, passes=passes)
    else:
        passes = [False]
        print("no kernel could be measured: FAIL")
    bad = [r["kernel"] for r in rows if not r["ok"]]
    if bad:
        print(f"EXCLUDED ({len(bad)}): {', '.join(bad)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
        print(f"results written to {args.json}")
    return 1 if args.strict and not all(passes) else 0


if __name__ == "__main__":
    sys.exit(main())
