"""Long run of the random program generator (tests/progen; tests/test_progen.py runs a short one).

    .venv/bin/python scripts/progen.py --count 20000 --seed 1 --batch 16 --jobs 2 --out /tmp/progen \
        --state /work/progen-state/run1.jsonl

Generates programs, runs each under CPython and through Portalis (`run_program`, dev profile),
prints programs/s, the count of each class (same, refused with its codes, limit, and the
failures: mismatch, build-failed, crash) and writes every failing program, shrunk, with what
differed, into OUT. Exit 1 if anything failed.

With ``--state FILE`` every finished batch is appended to FILE (one JSON line: its task index,
counts and failures), and a run started again with the same FILE and the same --count/--seed/
--batch skips those batches and adds up their results: a long run survives being stopped.
The file's first line also names the commit the run checks (``git rev-parse HEAD``, with
``-dirty`` when tracked files differ from it): a run resumes only on that commit.
``--report FILE`` prints what such a file holds so far (the run may still be going).

Batch size: a batch's module-level code becomes one Rust function, and rustc's borrow checking
and LLVM grow faster than linearly with a function's size. Measured 2026-12-04 (rustc 1.63,
wasm32-wasi, one process, the machine otherwise idle): 48 programs in one build 181 s (7,863
Python lines, 43,241 Rust lines, 8,409 of them the module body; rustc at -C opt-level=0 still
took 98 s and 6.4 GB), 16 programs 14.4 s, 8 programs 7.6 s, one program alone ~2.8 s. Hence
``--batch 16``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from progen.generator import generate_batch, wide_batch  # noqa: E402
from progen.runner import Outcome, Stats, check, check_batch  # noqa: E402
from progen.shrink import shrink  # noqa: E402


def _job(args: tuple[int, int, int]) -> tuple[int, Stats]:
    import os
    from portalis.codegen.toolchain import find_toolchain
    index, seed, batch = args
    stats = Stats()
    # one folder per process (a task index does not say which process runs it)
    check_batch(generate_batch(seed, batch), find_toolchain(), stats, path=f"/tmp/progen-p{os.getpid()}/batch.py",
                split_at_int_limit=not wide_batch(seed))
    return index, stats


def _commit() -> str:
    """The commit this checkout runs, ``-dirty`` when tracked files differ from it."""
    import subprocess
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return (head or "unknown") + ("-dirty" if dirty else "")


def _load_state(path: Path, header: dict) -> list[tuple[int, Stats]]:
    """The batches a stopped run with the same parameters finished (see the module docstring)."""
    if not path.is_file():
        return []
    lines = path.read_text().splitlines()
    if not lines:
        return []
    if json.loads(lines[0]) != header:
        sys.exit(f"progen: {path} belongs to another run or commit ({lines[0]}, here {json.dumps(header)}); check out its commit or use another --state file")
    done = []
    for ln in lines[1:]:
        try:
            rec = json.loads(ln)
        except json.JSONDecodeError:
            continue  # the last line of a run killed while writing
        st = Stats()
        st.counts, st.codes = rec["counts"], rec["codes"]
        st.failures = [Outcome(**o) for o in rec["failures"]]
        done.append((rec["index"], st))
    return done


def _save(path: Path, index: int, st: Stats) -> None:
    rec = {"index": index, "counts": st.counts, "codes": st.codes,
           "failures": [{"kind": o.kind, "source": o.source, "detail": o.detail} for o in st.failures]}
    with path.open("a") as f:
        f.write(json.dumps(rec) + "\n")


def _report(path: Path) -> int:
    """`--report STATE`: what a (running or stopped) long run has checked so far."""
    try:
        header = json.loads(path.read_text().splitlines()[0])
    except (OSError, IndexError, json.JSONDecodeError):
        sys.exit(f"progen: {path}: not a state file")
    counts: dict[str, int] = {}
    codes: dict[str, int] = {}
    failures = 0
    batches = _load_state(path, header)
    for _, st in batches:
        for k, v in st.counts.items():
            counts[k] = counts.get(k, 0) + v
        for k, v in st.codes.items():
            codes[k] = codes.get(k, 0) + v
        failures += len(st.failures)
    print(f"{path}: {header}; {len(batches)} batches, {sum(counts.values())} programs")
    print("classes:", json.dumps(dict(sorted(counts.items()))))
    print("refusal codes:", json.dumps(dict(sorted(codes.items(), key=lambda kv: -kv[1]))))
    print(f"failures recorded: {failures}")
    return 1 if failures else 0


def _shrunk(o: Outcome) -> str:
    from portalis.codegen.toolchain import find_toolchain
    tc = find_toolchain()
    return shrink(o.source, lambda s: check(s, tc, "/tmp/progen-shrink/prog.py").kind == o.kind)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=16, help="programs per build (see the module docstring)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--state", type=Path, help="append finished batches here; resume from it")
    ap.add_argument("--report", type=Path, metavar="STATE", help="print the totals a state file holds, and exit")
    a = ap.parse_args()
    if a.report:
        return _report(a.report)
    nb = (a.count + a.batch - 1) // a.batch
    tasks = [(i, a.seed * 100_003 + i, a.batch) for i in range(nb)]
    total = Stats()
    earlier: list[tuple[int, Stats]] = []
    if a.state:
        header = {"count": a.count, "seed": a.seed, "batch": a.batch, "commit": _commit()}
        earlier = _load_state(a.state, header)
        if not a.state.is_file() or not a.state.read_text():
            a.state.parent.mkdir(parents=True, exist_ok=True)
            a.state.write_text(json.dumps(header) + "\n")
        done = {i for i, _ in earlier}
        tasks = [t for t in tasks if t[0] not in done]
        if earlier:
            print(f"resuming {a.state}: {len(done)} of {nb} batches done", flush=True)

    def results():
        yield from earlier
        with multiprocessing.Pool(a.jobs) as pool:
            for index, s in pool.imap_unordered(_job, tasks):
                if a.state:
                    _save(a.state, index, s)
                yield index, s

    n0 = sum(sum(s.counts.values()) for _, s in earlier)
    t0 = time.perf_counter()
    for _, s in results():
        for k, v in s.counts.items():
            total.counts[k] = total.counts.get(k, 0) + v
        for k, v in s.codes.items():
            total.codes[k] = total.codes.get(k, 0) + v
        for o in s.failures:  # written at once (unshrunk): a long run that is stopped keeps them
            if a.out:
                a.out.mkdir(parents=True, exist_ok=True)
                k = len(total.failures)
                (a.out / f"raw_{o.kind}_{k}.py").write_text(o.source)
                (a.out / f"raw_{o.kind}_{k}.txt").write_text(o.detail)
            total.failures.append(o)
        n = sum(total.counts.values())
        el = time.perf_counter() - t0
        print(f"\r{n} programs, {max(0, n - n0) / el:.2f}/s, {dict(sorted(total.counts.items()))}", end="", flush=True)
    n = sum(total.counts.values())
    el = time.perf_counter() - t0
    fails = len(total.failures)
    accepted = n - total.counts.get("refused", 0) - total.counts.get("cpython-error", 0)
    print(f"\n{n} programs ({n - n0} in {el:.0f} s this time: {(n - n0) / el:.2f} programs/s); accepted {accepted} ({100 * accepted / max(n, 1):.1f} %)")
    print("classes:", json.dumps(dict(sorted(total.counts.items()))))
    print("refusal codes:", json.dumps(dict(sorted(total.codes.items(), key=lambda kv: -kv[1]))))
    for i, o in enumerate(total.failures):
        src = o.source if a.no_shrink or o.kind == "combined-refused" else _shrunk(o)  # a batch: not shrunk
        print(f"\n== {o.kind}: {o.detail.splitlines()[0] if o.detail else ''}\n{src}")
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            (a.out / f"{o.kind}_{i}.py").write_text(src)
            (a.out / f"{o.kind}_{i}.txt").write_text(o.detail)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
