"""Edit-to-run cost: edit one ~50-line function, then translate + build + load + run it.

Input: benchmarks/kernels/fifty_lines.py (one ~45-line function plus a call).  Each iteration
inserts a new line ``edit_id = "<nonce>"`` inside the function, so the source hash, the generated
Rust and the wasm hash all change and no finished artifact is reused (checked: BuildResult.cached
and the module-cache flag must both be False).  "Warm" means the toolchain has been discovered,
the runtime rlib is in the cache and, for the two *edit* columns, the previous version of the
same program was built (rustc's incremental work for it is reused).  Three columns, measured
interleaved in the same run:

* edit           = the dev build profile (``build_wasm(program=..., profile="dev")``, i.e. with
                   ``-C lto=off``): what `portalis run` / `check` and the language server do
                   after an edit.  The headline: the targets are checked against it.
* edit (release) = the same kind of edit with the release profile (what `portalis build` and
                   `run --release` use), under its own program identity; for reference.  Since
                   2026-12-06 release builds are one codegen unit and never incremental, so
                   this column is a whole-program build, like cold.
* cold           = each version built as a program never seen before (no program identity: no
                   incremental state, one codegen unit, the same flags in both profiles).

Per iteration it measures:

* own     = translate_source (parse + lower + emit) + write_crate into a fresh temp dir
* rustc   = build_wasm (plain rustc -O to wasm32-wasi*: main.rs against the cached runtime rlib)
* load    = load_module: wasmtime's compile of the new module (+ writing its .cwasm), with the
            compiler `portalis run` uses for the profile (``codegen.wasm_exec.TIERS``): Winch,
            the baseline compiler, for the dev profile (edit and cold); Cranelift for release
* run     = run_wasm: instantiate + run (stdout checked against CPython), same compiler
* total   = own + rustc + load + run

Prints the median of each over --runs (default 5), own's share of the (dev) edit total,
PASS/FAIL against the targets on the dev edit column (total < 1 s, own < 10 % of total), and for
reference the fully cached path: the second `portalis run fifty_lines.py` of an unchanged file
(subprocess wall time, includes Python start-up; dev profile), and the same cache hit in-process
(build_program(profile="dev") + run_wasm).

    .venv/bin/python benchmarks/translate_cost.py [--runs N] [--json FILE] [--strict]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from portalis.codegen.build import build_wasm
from portalis.codegen.crate import write_crate
from portalis.codegen.toolchain import find_toolchain
from portalis.codegen.wasm_exec import load_module, run_wasm
from portalis.pipeline import build_program, translate_source

HERE = Path(__file__).resolve().parent
PROGRAM = HERE / "kernels" / "fifty_lines.py"
PORTALIS = Path(sys.executable).parent / "portalis"
TARGET_TOTAL_S = 1.0
TARGET_OWN_SHARE = 0.10
STEPS = ("own", "rustc", "load", "run", "total")


EDIT_AT = "    bad = 0\n"  # the edit: a new line inside the 45-line function


def edited(base: str, i: int) -> str:
    assert EDIT_AT in base
    # a line the optimizer cannot drop (an unused string literal now compiles to nothing: the
    # module would not change), and that does not change the output
    return base.replace(EDIT_AT, f'{EDIT_AT}    bad += len(lines) if lines == ["{time.time_ns()}-{i}"] else 0\n', 1)


def one_iteration(base: str, expected: bytes, toolchain, tmp: Path, i: int, program: str | None,
                  profile: str = "dev") -> dict[str, float]:
    """One edit -> run.  ``program`` set: the build is incremental for that program identity
    (what `portalis run` and the language server do); None: a cold, non-incremental build.
    ``profile``: the build profile (see portalis.codegen.build)."""
    text = edited(base, i)
    t0 = time.perf_counter()
    tr = translate_source(text, PROGRAM.name)
    if not tr.ok:
        raise RuntimeError(f"translation failed: {[d.message for d in tr.diagnostics]}")
    crate_dir = write_crate(tr.crate, tmp / f"crate{i}-{program is not None}-{profile}")
    t1 = time.perf_counter()
    br = build_wasm(crate_dir, toolchain, program=program, profile=profile)
    t2 = time.perf_counter()
    if not br.ok or br.wasm_path is None:
        raise RuntimeError("rustc failed:\n" + br.format_errors())
    if br.cached:
        raise RuntimeError("build_wasm hit its cache: the edit did not change the crate")
    tier = "baseline" if profile == "dev" else "optimized"  # as `portalis run` (pipeline.run_program)
    _, module_cached = load_module(br.wasm_path, mode="exit", tier=tier)
    t3 = time.perf_counter()
    if module_cached:
        raise RuntimeError("load_module hit its cache: the wasm did not change")
    r = run_wasm(br.wasm_path, program_name=PROGRAM.name, timeout_mode="exit", tier=tier)
    t4 = time.perf_counter()
    if r.exit_code != 0 or r.stdout != expected:
        raise RuntimeError(f"wrong output (exit {r.exit_code}): {r.stdout[:200]!r} {r.stderr[-300:]!r}")
    return {"own": t1 - t0, "rustc": t2 - t1, "load": t3 - t2, "run": t4 - t3, "total": t4 - t0,
            "ingest": tr.seconds.get("ingest", 0.0), "lower": tr.seconds.get("lower", 0.0),
            "emit": tr.seconds.get("emit", 0.0)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="measured iterations (default 5); medians are printed")
    ap.add_argument("--json", help="write the results to this JSON file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()

    base = PROGRAM.read_text()
    expected = subprocess.run([sys.executable, str(PROGRAM)], capture_output=True, check=True).stdout
    n_lines = len(base.splitlines())
    t0 = time.perf_counter()
    toolchain = find_toolchain()
    print(f"program: {PROGRAM.name} ({n_lines} lines); toolchain {toolchain.version} {toolchain.target} "
          f"(discovery {1000 * (time.perf_counter() - t0):.0f} ms, not counted)")

    samples: list[dict[str, float]] = []  # the headline: dev-profile edits
    release: list[dict[str, float]] = []
    cold: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="portalis-cost-") as tmp:
        # the programs' identities for incremental builds: fresh ones per benchmark run, so the
        # first (untimed) iteration of each below is its cold build and the timed ones are
        # edits; the release edits have an identity of their own (their own rustc work)
        program = str(Path(tmp) / PROGRAM.name)
        program_release = str(Path(tmp) / "release" / PROGRAM.name)
        one_iteration(base, expected, toolchain, Path(tmp), -1, program, "dev")  # warm-up + first build
        one_iteration(base, expected, toolchain, Path(tmp), -3, program_release, "release")
        one_iteration(base, expected, toolchain, Path(tmp), -2, None)
        for i in range(args.runs):  # interleaved: the machine's drift hits all three alike
            samples.append(one_iteration(base, expected, toolchain, Path(tmp), i, program, "dev"))
            release.append(one_iteration(base, expected, toolchain, Path(tmp), 2000 + i, program_release, "release"))
            cold.append(one_iteration(base, expected, toolchain, Path(tmp), 1000 + i, None))

    med = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    rel_med = {k: statistics.median(s[k] for s in release) for k in release[0]}
    cold_med = {k: statistics.median(s[k] for s in cold) for k in cold[0]}
    print(f"medians over {args.runs} edits (a new line in the function; the build is never a cache hit), ms:")
    print(f"  {'':<6}{'edit':>9}{'edit (release)':>16}{'cold':>9}   (edit: incremental rustc for the same program, "
          "dev profile, as `portalis run`/`check` and the language server build; edit (release): the same with "
          "the release profile, one codegen unit, as `build` and `run --release`; cold: a program never built before)")
    for k in STEPS:
        extra = ""
        if k == "own":
            extra = f"   (ingest {1000 * med['ingest']:.1f}, lower {1000 * med['lower']:.1f}, emit {1000 * med['emit']:.1f})"
        print(f"  {k:<6}{1000 * med[k]:>9.1f}{1000 * rel_med[k]:>16.1f}{1000 * cold_med[k]:>9.1f}{extra}")
    # peer measured in the same run (machines are shared and drift): plain rustc on a
    # hello-world for the same target and optimisation level, the floor of any Rust route
    peer = []
    with tempfile.TemporaryDirectory(prefix="portalis-peer-") as tmp:
        hello = Path(tmp) / "hello.rs"
        hello.write_text('fn main() { println!("hello"); }\n')
        env = {**os.environ, **dict(toolchain.extra_env)}
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run([str(toolchain.rustc), "--edition", "2021", "--target", toolchain.target, "-C", "opt-level=3",
                            "-C", "panic=abort", *toolchain.extra_args, "-o", str(Path(tmp) / "h.wasm"), str(hello)],
                           check=True, capture_output=True, env=env)
            peer.append(time.perf_counter() - t)
    peer_med = statistics.median(peer)
    print(f"peer: rustc on a hello-world for {toolchain.target}, same run: {1000 * peer_med:.0f} ms; "
          f"our rustc step = {med['rustc'] / peer_med:.1f}x that (release {rel_med['rustc'] / peer_med:.1f}x, "
          f"cold {cold_med['rustc'] / peer_med:.1f}x), our total = {med['total'] / peer_med:.1f}x "
          f"(release {rel_med['total'] / peer_med:.1f}x, cold {cold_med['total'] / peer_med:.1f}x)")
    share = med["own"] / med["total"]
    ok_total = med["total"] < TARGET_TOTAL_S
    ok_share = share < TARGET_OWN_SHARE
    print(f"own part share of total (dev edit): {100 * share:.1f}%")
    print(f"edit total (dev) {1000 * med['total']:.0f} ms (target < {1000 * TARGET_TOTAL_S:.0f} ms): {'PASS' if ok_total else 'FAIL'}")
    print(f"own share {100 * share:.1f}% (target < {100 * TARGET_OWN_SHARE:.0f}%): {'PASS' if ok_share else 'FAIL'}")

    # reference: the fully cached path (unchanged file, source-hash cache hit)
    cmd = [str(PORTALIS), "run", str(PROGRAM)]  # the dev profile, as `portalis run` builds
    subprocess.run(cmd, capture_output=True, check=True)  # make sure it is cached
    cli = []
    for _ in range(args.runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, check=True)
        cli.append(time.perf_counter() - t)
        assert p.stdout == expected, p.stdout
    inproc = []
    for _ in range(args.runs):
        t = time.perf_counter()
        pb = build_program(base, str(PROGRAM), profile="dev")
        r = run_wasm(pb.wasm_path, program_name=PROGRAM.name, timeout_mode="exit", tier="baseline")
        inproc.append(time.perf_counter() - t)
        assert pb.cached and r.stdout == expected
    cli_med, in_med = statistics.median(cli), statistics.median(inproc)
    print(f"cached `portalis run` (unchanged file, subprocess incl. Python start-up): median {1000 * cli_med:.0f} ms")
    print(f"cached in-process build_program + run_wasm: median {1000 * in_med:.1f} ms")

    if args.json:
        Path(args.json).write_text(json.dumps({"profile": "dev", "samples": samples, "median": med, "own_share": share,
                                               "release_samples": release, "release_median": rel_med,
                                               "cold_samples": cold, "cold_median": cold_med,
                                               "pass_total": ok_total, "pass_own_share": ok_share,
                                               "cached_cli_s": cli, "cached_inprocess_s": inproc,
                                               "peer_rustc_hello_s": peer}, indent=1))
        print(f"results written to {args.json}")
    return 1 if args.strict and not (ok_total and ok_share) else 0


if __name__ == "__main__":
    sys.exit(main())
