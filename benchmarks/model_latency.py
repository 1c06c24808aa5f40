#!/usr/bin/env python3
"""Type-model latency for one file's batch of slots: in-process numpy vs a real local Triton
(HTTP and gRPC, started here from nvidia-pytriton's tritonserver, stopped at the end).
Each call is `portalis.model.predict` with the cache cleared (features -> request -> answers).

    .venv/bin/python benchmarks/model_latency.py [--file F.py] [--n 200]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from portalis.analyzers import lower
from portalis.model import clear_cache, predict, triton
from portalis.model.features import slot_queries


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q / 100 * (len(xs) - 1))))]


def bench(qs, server, n):
    predict(qs, server, budget_s=10)          # warm-up: imports, connection
    times, sources = [], set()
    for _ in range(n):
        clear_cache()
        t = time.perf_counter()
        out = predict(qs, server, budget_s=1.0)
        times.append((time.perf_counter() - t) * 1000)
        sources |= {p.source for p in out if p}
    return times, sources


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=lower.__file__)  # a large file of the translator
    ap.add_argument("--n", type=int, default=200)
    a = ap.parse_args()
    src = open(a.file, encoding="utf-8").read()
    qs = list(slot_queries(src, "bench").values())
    t = time.perf_counter()
    for _ in range(20):
        slot_queries(src, "bench")
    feat_ms = (time.perf_counter() - t) / 20 * 1000
    print(f"file: {os.path.normpath(a.file)}: {len(qs)} slots; features {feat_ms:.1f} ms per file")
    srv = triton.start()
    try:
        srv.wait_ready(120)
        rows = {}
        for name, server in (("in-process", "off"), ("Triton HTTP", srv.http_url), ("Triton gRPC", srv.grpc_url)):
            times, sources = bench(qs, server, a.n)
            rows[name] = (statistics.median(times), pct(times, 99), sources)
        base = rows["in-process"][0]
        print(f"{'path':<12} {'p50 ms':>8} {'p99 ms':>8} {'p50 vs in-process':>18}  source")
        for name, (p50, p99, sources) in rows.items():
            print(f"{name:<12} {p50:8.2f} {p99:8.2f} {p50 / base:17.1f}x  {', '.join(sorted(sources))}")
    finally:
        srv.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
