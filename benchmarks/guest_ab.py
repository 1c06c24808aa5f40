"""Guest-only A/B: two builds of the same kernels, run in one process, interleaved.

    .venv/bin/python benchmarks/guest_ab.py DIR_A DIR_B [--runs N] KERNEL...

runs `DIR_A/KERNEL.wasm` and `DIR_B/KERNEL.wasm` (e.g. `portalis build` of each kernel on two
branches) in wasmtime, alternating, and reports for each the minimum over N runs of the CPU time
of this thread around instantiate + `_start` (no process start-up, no module compile), the
ratio A/B, and whether both printed the same. On a loaded machine this isolates what changed in
the generated code from what the load does to whole-process times (kernels.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

import wasmtime


def run_once(engine: wasmtime.Engine, linker: wasmtime.Linker, module: wasmtime.Module, out: str) -> float:
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = ["prog.py"]
    wasi.stdout_file = out
    store.set_wasi(wasi)
    t = time.thread_time()
    inst = linker.instantiate(store, module)
    try:
        inst.exports(store)["_start"](store)
    except wasmtime.ExitTrap:
        pass
    return time.thread_time() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir_a")
    ap.add_argument("dir_b")
    ap.add_argument("kernels", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    cfg = wasmtime.Config()
    cfg.memory_may_move = False
    engine = wasmtime.Engine(cfg)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    tmp = tempfile.mkdtemp(prefix="guest-ab-")
    print(f"{'kernel':<15}{'A s':>8}{'B s':>8}{'A/B':>7}")
    for k in args.kernels:
        mods = [wasmtime.Module.from_file(engine, os.path.join(d, f"{k}.wasm")) for d in (args.dir_a, args.dir_b)]
        times: list[list[float]] = [[], []]
        outs = [os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")]
        for _ in range(args.runs):
            for i in (0, 1):
                times[i].append(run_once(engine, linker, mods[i], outs[i]))
        same = open(outs[0], "rb").read() == open(outs[1], "rb").read()
        a, b = min(times[0]), min(times[1])
        print(f"{k:<15}{a:>8.3f}{b:>8.3f}{a / b:>6.2f}x{'' if same else '  OUTPUT DIFFERS'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
