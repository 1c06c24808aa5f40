"""Long run of the engine's randomized edit sequences (tests/test_engine_incremental.py runs a
short one): `python scripts/engine_edits.py --sequences 2000 --steps 12 --seed 1`. Prints how
often the quick path answered and stops at the first disagreement with a fresh analysis."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_engine_incremental import edit_sequence  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sequences", type=int, default=500)
    ap.add_argument("--steps", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    t0 = time.perf_counter()
    answered = total = 0
    for s in range(a.sequences):
        q, n = edit_sequence(a.seed * 1_000_003 + s, a.steps)
        answered += q
        total += n
        if s % 50 == 49:
            print(f"{s + 1} sequences, {total} edits, quick path answered {answered} ({100 * answered / total:.0f} %), "
                  f"{time.perf_counter() - t0:.0f} s", flush=True)
    print(f"done: {a.sequences} sequences, {total} edits, quick path answered {answered} "
          f"({100 * answered / max(total, 1):.0f} %), every answer equal to a fresh analysis")
    return 0


if __name__ == "__main__":
    sys.exit(main())
