#!/usr/bin/env python3
"""Evaluate the SHIPPED type-model weights on the held-out test projects as installed in this
environment (split by project: none of them is in the training data). Prints top-1 accuracy,
coverage at confidence thresholds, the reliability table and ECE, beside the name-only baseline.

    .venv/bin/python scripts/model_eval.py [--json]
"""
from __future__ import annotations

import json
import sys

from portalis.model.evaluate import NAME_ONLY_BASELINE, evaluate_installed


def main(argv: list[str]) -> int:
    r = evaluate_installed()
    if "--json" in argv:
        print(json.dumps(r, indent=1))
        return 0
    print(f"test projects: {', '.join(r['projects'])}: {r['n']} annotated slots, "
          f"{r['n_in_vocab']} with a type in the model's vocabulary")
    print(f"top-1: {r['top1']:.1%} of all slots, {r['top1_in_vocab']:.1%} of in-vocabulary ones "
          f"(name-only baseline: {NAME_ONLY_BASELINE['top1']:.1%} / {NAME_ONLY_BASELINE['top1_in_vocab']:.1%})")
    print(f"params {r['param']['top1']:.1%} ({r['param']['top1_in_vocab']:.1%} in vocab), "
          f"returns {r['return']['top1']:.1%} ({r['return']['top1_in_vocab']:.1%})")
    print("coverage: " + "; ".join(f">= {t}: answers {c['answered']:.1%}, {c['accuracy']:.1%} right"
                                  for t, c in r["coverage"].items()))
    print(f"calibration: ECE {r['ece']:.3f}")
    print("  confidence bin | slots | mean confidence | accuracy")
    for lo, n, c, a in r["reliability"]:
        print(f"  {lo:.1f}-{lo + 0.1:.1f}        | {n:5d} | {c:.3f}           | {a:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
