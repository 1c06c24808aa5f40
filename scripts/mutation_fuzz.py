"""Long run of the engine mutation fuzz (tests/test_mutation_fuzz.py runs a short one).

    .venv/bin/python scripts/mutation_fuzz.py --count 40000 --seed 1 [--jobs 2] [--out DIR]

Mutates tests/corpus programs (tests/fuzz/mutate.py), runs each mutant through ingest + lower +
emit and prints mutants/s and every class of exception that escaped the engine, with the
smallest mutant found for it (written to DIR when given). Exit 1 if anything escaped.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.mutate import crash_class, mutants, run  # noqa: E402


def _sources() -> list[tuple[str, str]]:
    return sorted((p.name, p.read_text(encoding="utf-8")) for p in (ROOT / "tests" / "corpus").glob("*.py"))


def _work(args: tuple[int, int]) -> tuple[int, dict[str, tuple[str, str, str]]]:
    seed, count = args
    found: dict[str, tuple[str, str, str]] = {}
    for name, text in mutants(_sources(), seed, count):
        e = run(text)
        if e is not None:
            key = crash_class(e)
            if key not in found or len(text) < len(found[key][1]):
                found[key] = (name, text, "".join(traceback.format_exception(e))[-3000:])
    return count, found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    chunk = 500
    tasks = [(a.seed * 1_000_003 + i, min(chunk, a.count - i * chunk)) for i in range((a.count + chunk - 1) // chunk)]
    t0 = time.perf_counter()
    done = 0
    found: dict[str, tuple[str, str, str]] = {}
    with multiprocessing.Pool(a.jobs) as pool:
        for n, f in pool.imap_unordered(_work, tasks):
            done += n
            for k, v in f.items():
                if k not in found or len(v[1]) < len(found[k][1]):
                    found[k] = v
            el = time.perf_counter() - t0
            print(f"\r{done}/{a.count} mutants, {done / el:.0f}/s, {len(found)} crash classes", end="", flush=True)
    el = time.perf_counter() - t0
    print(f"\n{done} mutants in {el:.0f} s ({done / el:.0f} mutants/s), {len(found)} classes of exception escaped")
    for i, (k, (name, text, tb)) in enumerate(sorted(found.items())):
        print(f"\n== {k}  (from {name})\n{text[:800]}\n-- {tb.strip().splitlines()[-1]}")
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            (a.out / f"crash_{i}.py").write_text(text)
            (a.out / f"crash_{i}.txt").write_text(f"{k}\n{tb}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
