"""The type model's arithmetic: hashed sparse features x weights, softmax with a temperature.

Shared by the in-process path, training/evaluation scripts and (a copy of `score_rows`'s logic)
the Triton model in model_repository/type_model/1/model.py. numpy only.
"""
from __future__ import annotations

import zlib

import numpy as np


def hash_tokens(tokens, dim: int) -> np.ndarray:
    return np.unique(np.fromiter((zlib.crc32(t.encode("utf-8")) & (dim - 1) for t in tokens),
                                 dtype=np.int64))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def logits(W: np.ndarray, b: np.ndarray, rows: list[np.ndarray]) -> np.ndarray:
    """rows: hashed feature indices per example -> (n, K) logits."""
    out = np.empty((len(rows), W.shape[1]), dtype=np.float32)
    for i, idx in enumerate(rows):
        out[i] = W[idx].sum(axis=0, dtype=np.float32) + b
    return out
