"""Accuracy, coverage and calibration of the type model, on projects split off BY PROJECT.

The test projects are packages installed in the project's own .venv (pyproject dependencies), so
the held-out evaluation can be re-run anywhere: `scripts/model_eval.py`, tests/model.
"""
from __future__ import annotations

import importlib.util
import os

import numpy as np

TEST_PROJECTS = ("aiohttp", "cattrs", "pygls", "_pytest", "packaging", "watchdog", "hypothesis", "lsprotocol")
VAL_PROJECTS = ("flask", "werkzeug", "click", "jinja2", "requests", "trio")
# measured by scripts/model_train.py on the same split in the same run (analyzers/model/metrics.json)
NAME_ONLY_BASELINE = {"top1": 0.386, "top1_in_vocab": 0.706}


def metrics(p: np.ndarray, y: np.ndarray) -> dict:
    """p: probabilities for every test slot (last column: "<other>"); y: label index, the last one
    when the true type is outside the vocabulary. The answer is the most likely real type (never
    "<other>") with its probability, so a slot of another type is always answered wrongly."""
    real = p[:, :-1]
    conf = real.max(axis=1)
    pred = real.argmax(axis=1)
    y = np.where(y == p.shape[1] - 1, -1, y)
    ok = pred == y
    res = {"n": int(len(y)), "n_in_vocab": int((y >= 0).sum()), "top1": float(ok.mean()),
           "top1_in_vocab": float(ok[y >= 0].mean()), "coverage": {}, "reliability": []}
    for t in (0.5, 0.7, 0.8, 0.9):
        m = conf >= t
        res["coverage"][str(t)] = {"answered": float(m.mean()),
                                   "accuracy": float(ok[m].mean()) if m.any() else 0.0}
    ece = 0.0
    for lo in np.arange(0, 1, 0.1):
        m = (conf >= lo) & ((conf < lo + 0.1) if lo < 0.85 else (conf <= 1.0))
        if m.any():
            ece += m.sum() / len(y) * abs(ok[m].mean() - conf[m].mean())
            res["reliability"].append([round(float(lo), 1), int(m.sum()), round(float(conf[m].mean()), 3),
                                       round(float(ok[m].mean()), 3)])
    res["ece"] = float(ece)
    return res


def installed(project: str) -> tuple[str, str] | None:
    """(site-packages root, project path) of an installed top-level package."""
    spec = importlib.util.find_spec(project)
    if spec is None:
        return None
    if spec.submodule_search_locations:
        path = list(spec.submodule_search_locations)[0]
    else:
        path = spec.origin
    return os.path.dirname(path), path


def evaluate_installed(projects=TEST_PROJECTS) -> dict:
    """The shipped weights (in-process) on the installed test projects."""
    from . import _weights
    from .dataset import project_examples
    from .features import tokens
    from .linear import hash_tokens, logits, softmax
    W, b, T, dim, labels = _weights()
    lid = {l: i for i, l in enumerate(labels)}
    other = lid["<other>"]
    rows, ys, kinds, found = [], [], [], []
    for name in projects:
        loc = installed(name)
        if loc is None:
            continue
        found.append(name)
        for _, label, q, stub, _ in project_examples(name, loc[1], loc[0]):
            rows.append(hash_tokens(tokens(q, stub), dim))
            ys.append(lid.get(label, other))
            kinds.append(q.kind)
    y = np.array(ys, dtype=np.int64)
    p = softmax(logits(W, b, rows) / T)
    res = metrics(p, y)
    res["projects"] = found
    k = np.array(kinds)
    for kind in ("param", "return"):
        r = metrics(p[k == kind], y[k == kind])
        res[kind] = {"top1": r["top1"], "top1_in_vocab": r["top1_in_vocab"], "n": r["n"]}
    return res
