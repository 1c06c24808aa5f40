#!/usr/bin/env python3
"""Train the type model (softmax regression on hashed slot features) and evaluate it BY PROJECT.

    .venv/bin/python scripts/model_train.py /tmp/tm/data.jsonl.gz [--epochs N]

Split: the test projects are TEST_PROJECTS (all installed in the project's own .venv, so
tests/test_model.py can re-extract and re-check them anywhere), the calibration projects
VAL_PROJECTS; everything else trains. Writes analyzers/model/weights.npz (+ a copy in
model_repository/type_model/1/) and analyzers/model/metrics.json; prints the evaluation.
The name-only baseline (the recipe's features: parameter name, function name, default) is trained
and evaluated on the same split in the same run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import time
from collections import Counter

import numpy as np

from portalis.model.features import SlotQuery, tokens
from portalis.model.evaluate import TEST_PROJECTS, VAL_PROJECTS, metrics
from portalis.model.linear import hash_tokens, softmax, logits

OTHER = "<other>"
DIM = 1 << 14
MAX_LABELS = 80
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME_ONLY = ("kind:", "p.name:", "p.w:", "p.first:", "p.last:", "p.c3:", "p.fw:", "p.ffirst:", "p.default:",
             "r.name:", "r.w:", "r.first:", "r.last:", "r.c3:", "r.fw:", "r.ffirst:", "star")


def load(path):
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            q = r["q"]
            for k in ("methods", "attributes", "operators", "passed_to", "returned_values",
                      "other_params", "decorators", "docstring_words"):
                q[k] = tuple(q[k])
            out.append((r["project"], r["y"], SlotQuery(**q), r["stub"]))
    return out


def train(rows, y, K, weights, epochs, lr=0.2, l2=1e-6, seed=0):
    rng = np.random.default_rng(seed)
    W = np.zeros((DIM, K), dtype=np.float32)
    b = np.zeros(K, dtype=np.float32)
    accW = np.full((DIM, K), 1e-3, dtype=np.float32)
    accb = np.full(K, 1e-3, dtype=np.float32)
    n = len(rows)
    lens = np.array([len(r) for r in rows])
    flat = np.concatenate(rows)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    B = 512
    for ep in range(epochs):
        order = rng.permutation(n)
        loss = 0.0
        for s in range(0, n, B):
            bi = order[s:s + B]
            idx = np.concatenate([flat[starts[i]:starts[i] + lens[i]] for i in bi])
            rid = np.repeat(np.arange(len(bi)), lens[bi])
            z = np.add.reduceat(W[idx], np.concatenate([[0], np.cumsum(lens[bi])[:-1]]), axis=0) + b
            p = softmax(z)
            yb = y[bi]
            loss += -np.log(p[np.arange(len(bi)), yb] + 1e-9).dot(weights[bi])
            G = p
            G[np.arange(len(bi)), yb] -= 1.0
            G *= weights[bi][:, None]
            o = np.argsort(idx, kind="stable")
            sidx = idx[o]
            bounds = np.flatnonzero(np.r_[True, sidx[1:] != sidx[:-1]])
            u = sidx[bounds]
            g = np.add.reduceat(G[rid[o]], bounds, axis=0) + l2 * W[u]
            accW[u] += g * g
            W[u] -= lr * g / np.sqrt(accW[u])
            gb = G.sum(axis=0)
            accb += gb * gb
            b -= lr * gb / np.sqrt(accb)
        print(f"  epoch {ep + 1}: loss {loss / weights.sum():.4f}", flush=True)
    return W, b


def fit_temperature(z, y):
    """The temperature minimising the validation projects' negative log-likelihood."""
    best = (1e9, 1.0)
    for T in np.arange(0.5, 4.01, 0.05):
        p = softmax(z / T)
        nll = -np.log(p[np.arange(len(y)), y] + 1e-12).mean()
        best = min(best, (nll, float(T)))
    return best[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    data = load(a.data)
    split = {"train": [], "val": [], "test": []}
    for ex in data:
        split["test" if ex[0] in TEST_PROJECTS else "val" if ex[0] in VAL_PROJECTS else "train"].append(ex)
    counts = Counter(y for _, y, _, _ in split["train"])
    # the vocabulary: the most common types, plus OTHER for every other type (learned, so the
    # probabilities of the real labels stay honest on slots whose type is a project's own class)
    labels = [l for l, _ in counts.most_common(MAX_LABELS)] + [OTHER]
    lid = {l: i for i, l in enumerate(labels)}
    print(f"loaded {len(data)} slots in {time.time() - t0:.0f}s; train {len(split['train'])} "
          f"val {len(split['val'])} test {len(split['test'])}; {len(labels)} labels "
          f"(cover {sum(counts[l] for l in labels) / len(split['train']):.1%} of train)")
    results = {"split": {k: len(v) for k, v in split.items()},
               "test_projects": sorted(TEST_PROJECTS), "val_projects": sorted(VAL_PROJECTS)}
    shipped = None
    for variant, keep in (("name-only baseline", NAME_ONLY), ("usage features", None)):
        def rows_of(exs):
            rows, ys = [], []
            for _, y, q, stub in exs:
                toks = tokens(q, stub)
                if keep:
                    toks = [t for t in toks if t.startswith(keep)]
                rows.append(hash_tokens(toks, DIM))
                ys.append(lid.get(y, lid[OTHER]))
            return rows, np.array(ys, dtype=np.int64)
        tr, ytr = rows_of(split["train"])
        # stubs (signatures only) count half; no project counts for more than 3,000 slots
        per_project = Counter(ex[0] for ex in split["train"])
        wts = np.array([(0.5 if ex[3] else 1.0) * min(1.0, 3000 / per_project[ex[0]])
                        for ex in split["train"]], dtype=np.float32)
        print(f"{variant}: training on {len(tr)} slots", flush=True)
        W, b = train(tr, ytr, len(labels), wts, a.epochs)
        va, yva = rows_of(split["val"])
        T = fit_temperature(logits(W, b, va), yva)
        te, yte = rows_of(split["test"])
        pte = softmax(logits(W, b, te) / T)
        res = metrics(pte, yte)
        res["temperature"] = T
        for kind in ("param", "return"):
            sel = np.array([ex[2].kind == kind for ex in split["test"]])
            r = metrics(pte[sel], yte[sel])
            res[kind] = {"top1": r["top1"], "top1_in_vocab": r["top1_in_vocab"], "n": r["n"]}
        results[variant] = res
        print(json.dumps({variant: res}, indent=1), flush=True)
        shipped = (W, b, T)
    W, b, T = shipped
    results["labels"] = len(labels)
    results["dim"] = DIM
    if not a.no_write:
        path = os.path.join(ROOT, "analyzers", "model", "weights.npz")
        np.savez_compressed(path, W=W.astype(np.float16), b=b, T=np.float32(T), dim=np.int64(DIM),
                            labels=np.array(labels))
        dst = os.path.join(ROOT, "model_repository", "type_model", "1")
        os.makedirs(dst, exist_ok=True)
        shutil.copyfile(path, os.path.join(dst, "weights.npz"))
        with open(os.path.join(ROOT, "analyzers", "model", "metrics.json"), "w") as f:
            json.dump(results, f, indent=1)
        print(f"wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB) and metrics.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
