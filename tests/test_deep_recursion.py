"""Recursion as deep as CPython allows (1000 frames) in functions with large frames: the
WebAssembly's two stacks (the shadow stack in linear memory, codegen/build.py SHADOW_STACK; the
native one, codegen/wasm_exec.py WASM_STACK, also set by the C launcher) hold it. With rustc's and
wasmtime's defaults such a program crashed where CPython printed its result (found by the long
progen run of 2026-12-04 through a nested function calling its recursive parent)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from portalis.codegen import wasm_exec
from portalis.pipeline import run_program

PORTALIS = [sys.executable, "-m", "portalis.cli"]


def big_frames(locals_: int, depth: int) -> str:
    """A function with 2 * `locals_` locals (strs and `int | str` values) recursing `depth` deep."""
    lines = ["def walk(n: int, acc: list[int]) -> int:", "    if n <= 0:", "        return 0"]
    for i in range(locals_):
        lines += [f"    s{i} = f'{{n}}-{i}-' + str(n * {i})", f"    x{i}: int | str = len(s{i}) + n",
                  f"    if n % 7 == {i % 7}:", f"        x{i} = s{i}"]
    lines += ["    acc.append(len(str([" + ", ".join(f"x{i}" for i in range(locals_)) + "])))",
              "    return walk(n - 1, acc) + 1", "acc: list[int] = []", f"print(walk({depth}, acc), sum(acc))"]
    return "\n".join(lines) + "\n"


def test_1000_frames_of_a_large_function_as_in_cpython(tmp_path, toolchain):
    src = big_frames(40, 995)
    path = tmp_path / "deep.py"
    path.write_text(src)
    py = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    assert py.returncode == 0
    for tier in ("optimized", "baseline"):  # Cranelift and Winch (the dev profile's, wasm_exec.TIERS)
        pr = run_program(src, str(path), [], toolchain=toolchain, tier=tier)
        assert pr.result is not None, pr.build.build.format_errors() if pr.build.build else "no build"
        assert (pr.result.stdout, pr.result.exit_code) == (py.stdout, 0), (tier, pr.result.stderr)
    # the same module in the native launcher (`portalis build` + `portalis exec`)
    wasm = tmp_path / "deep.wasm"
    b = subprocess.run([*PORTALIS, "build", str(path), "-o", str(wasm)], capture_output=True, text=True, timeout=600)
    assert b.returncode == 0, b.stderr
    r = subprocess.run([*PORTALIS, "exec", str(wasm)], capture_output=True, timeout=120,
                       env={**__import__("os").environ, "PORTALIS_EXEC_VERBOSE": "1"})
    assert r.stderr.startswith(b"portalis: exec: running in the native launcher"), r.stderr
    assert (r.stdout, r.returncode) == (py.stdout, 0)


def test_the_launcher_sets_the_same_native_stack():
    c = (Path(wasm_exec.__file__).parent / "launcher" / "portalis_exec.c").read_text()
    m = re.search(r"#define WASM_STACK \(\(size_t\)(\d+) << (\d+)\)", c)
    assert m is not None and int(m.group(1)) << int(m.group(2)) == wasm_exec.WASM_STACK
