"""Measure build / load / run overheads of portalis.codegen (not a test; run by hand):

    .venv/bin/python tests/codegen_infra/bench_overheads.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from portalis.codegen import wasm_exec
from portalis.codegen.build import build_wasm
from portalis.codegen.toolchain import clear_toolchain_cache, find_toolchain
from portalis.codegen.wasm_exec import load_module, run_wasm

HELLO = 'fn main() {\n    println!("hello {}", std::env::args().count());\n}\n'


def ms(xs: list[float]) -> str:
    return f"min {min(xs) * 1e3:.2f} / med {statistics.median(xs) * 1e3:.2f} ms"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="portalis-bench-"))
    cache = tmp / "cache"
    t0 = time.perf_counter()
    tc = find_toolchain()
    print(f"toolchain: {tc.rustc} {tc.version} {tc.target}")
    print(f"find_toolchain first call (this process): {(time.perf_counter() - t0) * 1e3:.2f} ms")
    xs = []
    for _ in range(200):
        t0 = time.perf_counter(); find_toolchain(); xs.append(time.perf_counter() - t0)
    print(f"find_toolchain cached in-process: {min(xs) * 1e6:.1f} us")
    xs = []
    for _ in range(20):
        clear_toolchain_cache()
        t0 = time.perf_counter(); find_toolchain(); xs.append(time.perf_counter() - t0)
    print(f"find_toolchain from disk probe cache: {ms(xs)}")

    builds, hits = [], []
    wasm = None
    for i in range(5):
        crate = tmp / f"c{i}"
        (crate / "src").mkdir(parents=True)
        (crate / "src" / "main.rs").write_text(HELLO + f"// {i}\n")
        r = build_wasm(crate, tc, cache_dir=cache)
        assert r.ok and not r.cached, r.format_errors()
        builds.append(r.seconds)
        wasm = r.wasm_path
        for _ in range(10):
            r = build_wasm(crate, tc, cache_dir=cache)
            assert r.cached
            hits.append(r.seconds)
    assert wasm is not None
    print(f"build_wasm tiny crate (opt 3): {ms(builds)}; size {wasm.stat().st_size} B")
    print(f"build_wasm cache hit: {ms(hits)}")

    t0 = time.perf_counter()
    _, cached = load_module(wasm, cache)
    print(f"load_module cold (cranelift compile + serialize): {(time.perf_counter() - t0) * 1e3:.1f} ms (cached={cached})")
    xs = []
    for _ in range(20):
        wasm_exec._modules.clear()
        t0 = time.perf_counter(); load_module(wasm, cache); xs.append(time.perf_counter() - t0)
    print(f"load_module from .cwasm (deserialize_file): {ms(xs)}")
    xs = []
    for _ in range(200):
        t0 = time.perf_counter(); load_module(wasm, cache); xs.append(time.perf_counter() - t0)
    print(f"load_module in-process hit: {ms(xs)}")
    xs, inner = [], []
    for _ in range(50):
        t0 = time.perf_counter(); r = run_wasm(wasm, ["a"], cache_dir=cache); xs.append(time.perf_counter() - t0)
        inner.append(r.seconds)
        assert r.stdout == b"hello 2\n"
    print(f"run_wasm warm (module cached), total: {ms(xs)}; instantiate+_start only: {ms(inner)}")
    xs = []
    for _ in range(50):
        t0 = time.perf_counter(); run_wasm(wasm, ["a"], cache_dir=cache, limits=wasm_exec.Limits(timeout=None, max_memory=None)); xs.append(time.perf_counter() - t0)
    print(f"run_wasm warm without limits: {ms(xs)}")

    # whole fresh processes: import + discovery + cached build + deserialize + run
    crate = tmp / "c0"
    code = (
        "import time; t0=time.perf_counter()\n"
        "from pathlib import Path\n"
        "from portalis.codegen.toolchain import find_toolchain\n"
        "from portalis.codegen.build import build_wasm\n"
        "from portalis.codegen.wasm_exec import run_wasm\n"
        "t1=time.perf_counter()\n"
        f"r=build_wasm(Path({str(crate)!r}), find_toolchain(), cache_dir=Path({str(cache)!r}))\n"
        "t2=time.perf_counter()\n"
        f"x=run_wasm(r.wasm_path, [], cache_dir=Path({str(cache)!r}))\n"
        "t3=time.perf_counter()\n"
        "print(f'{(t1-t0)*1e3:.1f} {(t2-t1)*1e3:.2f} {(t3-t2)*1e3:.2f}', x.module_cached)\n"
    )
    rows = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        rows.append(out)
    print("fresh process: import ms / discovery+cached build ms / load+run ms, module_cached:")
    for row in rows:
        print("   ", " ".join(row))


if __name__ == "__main__":
    main()
