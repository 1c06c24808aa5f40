"""Compute-kernel benchmark: CPython vs Portalis WASM (wasmtime) vs the same Rust built natively.

For every program in benchmarks/kernels/*.py (except fifty_lines.py, which belongs to
translate_cost.py):

* CPython: ``sys.executable kernel.py`` in a subprocess, wall time (includes interpreter start-up).
* WASM:    ``build_program(profile="release")`` (on-disk caches may hit; the release profile
           is what ``portalis build`` writes, see ``portalis.codegen.build``), then ``run_wasm`` with
           ``timeout_mode="exit"``, as ``portalis run``/``exec`` run programs (no interruption
           checks compiled into loops; the time limit is a watchdog); the time is
           ``RunResult.seconds`` = instantiate + run (module compile is NOT included: it is done
           once per process / cached on disk).  stdout must equal CPython's byte for byte, else
           the kernel is reported as a MISMATCH and excluded from the medians.
* WASM trap: the same module in ``timeout_mode="trap"`` (epoch interruption: what in-process
           callers such as the tests get), for reference; not used for the targets.
* native:  ``translate_source`` + ``write_crate`` into a temp dir, ``build_native`` (rustup's
           rustc, same flags as the wasm build), binary run in a subprocess, wall time.

Each time is the minimum of --runs runs.  Nothing is subtracted.  Prints one row per kernel,
then the median speedup (CPython / WASM) and median WASM/native ratio against the targets
(speedup >= 20x, WASM <= 1.5x native) as PASS/FAIL.  Exit code 0 unless something crashed
(or, with --strict, a target is missed).

    .venv/bin/python benchmarks/kernels.py [--runs N] [--only NAME] [--json FILE] [--strict]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from portalis.codegen.build import build_native
from portalis.codegen.crate import write_crate
from portalis.codegen.wasm_exec import Limits, run_wasm
from portalis.pipeline import build_program, translate_source

HERE = Path(__file__).resolve().parent
KERNELS = HERE / "kernels"
SKIP = {"fifty_lines.py"}  # used by translate_cost.py
TARGET_SPEEDUP = 20.0
TARGET_NATIVE_RATIO = 1.5
LIMITS = Limits(timeout=120.0, max_memory=2048 * 1024 * 1024)
PROFILE = "release"  # the build profile measured by default (what `portalis build` writes)


def time_process(cmd: list[str], runs: int) -> tuple[float, bytes]:
    best, out = float("inf"), b""
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, check=False)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            raise RuntimeError(f"{cmd} exited {p.returncode}: {p.stderr.decode(errors='replace')[-500:]}")
        best, out = min(best, dt), p.stdout
    return best, out


def bench_kernel(path: Path, runs: int, tmp: Path, profile: str = PROFILE) -> dict:
    name = path.stem
    text = path.read_text()
    row: dict = {"kernel": name, "ok": False, "error": None}
    row["cpython_s"], expected = time_process([sys.executable, str(path)], runs)

    pb = build_program(text, str(path), profile=profile)
    if pb.wasm_path is None:
        diags = pb.translation.diagnostics if pb.build is None else pb.build.diagnostics
        row["error"] = "build failed: " + "; ".join(getattr(d, "message", str(d)) for d in diags)[:400]
        return row
    for mode, key in (("exit", "wasm_s"), ("trap", "wasm_trap_s")):
        best = float("inf")
        for _ in range(runs):
            r = run_wasm(pb.wasm_path, limits=LIMITS, program_name=path.name, timeout_mode=mode)
            if r.exit_code != 0:
                row["error"] = f"wasm exited {r.exit_code}: {r.stderr.decode(errors='replace')[-400:]}"
                return row
            if r.stdout != expected:
                row["error"] = f"WASM OUTPUT MISMATCH:\n  cpython: {expected[:300]!r}\n  wasm:    {r.stdout[:300]!r}"
                return row
            best = min(best, r.seconds)
        row[key] = best

    tr = translate_source(text, str(path))
    crate_dir = write_crate(tr.crate, tmp / name)
    nb = build_native(crate_dir, tmp / f"{name}.bin")
    if not nb.ok or nb.wasm_path is None:
        row["error"] = "native build failed: " + nb.format_errors()[:400]
        return row
    row["native_s"], native_out = time_process([str(nb.wasm_path)], runs)
    if native_out != expected:
        row["error"] = f"NATIVE OUTPUT MISMATCH:\n  cpython: {expected[:300]!r}\n  native:  {native_out[:300]!r}"
        return row
    row["speedup"] = row["cpython_s"] / row["wasm_s"]
    row["wasm_native"] = row["wasm_s"] / row["native_s"]
    row["ok"] = True
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement; the minimum is kept (default 3)")
    ap.add_argument("--only", action="append", help="kernel name (file stem); repeatable")
    ap.add_argument("--json", help="write the results to this JSON file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--profile", choices=("release", "dev"), default=PROFILE,
                    help="build profile to measure (default release; dev is what `portalis run` uses)")
    args = ap.parse_args()

    paths = [p for p in sorted(KERNELS.glob("*.py")) if p.name not in SKIP]
    if args.only:
        paths = [p for p in paths if p.stem in args.only]
        if not paths:
            print(f"no kernel named {args.only}", file=sys.stderr)
            return 2
    print(f"{len(paths)} kernels, {args.profile} profile, min of {args.runs} runs; CPython/native = subprocess wall time, "
          f"WASM = run_wasm seconds (instantiate + run, module compile cached) as `portalis run` runs it; "
          f"trap = the same in timeout_mode='trap' (epoch checks), for reference")
    rows = []
    with tempfile.TemporaryDirectory(prefix="portalis-bench-") as tmp:
        hdr = (f"{'kernel':<14}{'CPython s':>10}{'WASM s':>10}{'native s':>10}{'speedup':>10}{'WASM/nat':>10}"
               f"{'trap s':>10}")
        print(hdr)
        print("-" * len(hdr))
        for p in paths:
            row = bench_kernel(p, args.runs, Path(tmp), args.profile)
            rows.append(row)
            if row["ok"]:
                print(f"{row['kernel']:<14}{row['cpython_s']:>10.3f}{row['wasm_s']:>10.4f}{row['native_s']:>10.4f}"
                      f"{row['speedup']:>9.1f}x{row['wasm_native']:>9.2f}x{row['wasm_trap_s']:>10.4f}", flush=True)
            else:
                print(f"{row['kernel']:<14}{row['cpython_s']:>10.3f}  *** EXCLUDED: {row['error']}", flush=True)

    good = [r for r in rows if r["ok"]]
    summary: dict = {"runs": args.runs, "profile": args.profile, "kernels": len(rows), "measured": len(good)}
    print("-" * len(hdr))
    if good:
        med_speed = statistics.median(r["speedup"] for r in good)
        med_ratio = statistics.median(r["wasm_native"] for r in good)
        pass_speed = med_speed >= TARGET_SPEEDUP
        pass_ratio = med_ratio <= TARGET_NATIVE_RATIO
        med_trap = statistics.median(r["cpython_s"] / r["wasm_trap_s"] for r in good)
        summary.update(median_speedup=med_speed, median_wasm_native=med_ratio, median_speedup_trap_mode=med_trap,
                       pass_speedup=pass_speed, pass_native=pass_ratio)
        print(f"median speedup WASM vs CPython over {len(good)} kernels: {med_speed:.1f}x "
              f"(target >= {TARGET_SPEEDUP:g}x): {'PASS' if pass_speed else 'FAIL'}")
        print(f"(trap mode, for reference: median speedup {med_trap:.1f}x)")
        print(f"median WASM/native ratio: {med_ratio:.2f}x "
              f"(target <= {TARGET_NATIVE_RATIO:g}x): {'PASS' if pass_ratio else 'FAIL'}")
    else:
        pass_speed = pass_ratio = False
        print("no kernel could be measured: FAIL")
    bad = [r["kernel"] for r in rows if not r["ok"]]
    if bad:
        print(f"EXCLUDED ({len(bad)}): {', '.join(bad)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
        print(f"results written to {args.json}")
    return 1 if args.strict and not (pass_speed and pass_ratio) else 0


if __name__ == "__main__":
    sys.exit(main())
