"""Programs whose ints outgrow 64 bits: the 64-bit build stops where that happens and the
big-int build runs from the start (portalis.pipeline.run_program), with the same stdin, writing
nothing until it has reproduced the first run's output. Real builds, real wasmtime, `portalis`
as a subprocess where the user would run it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from portalis.codegen.wasm_exec import EXIT_TIMEOUT, Limits, run_wasm
from portalis.pipeline import build_program, run_program

PORTALIS = [sys.executable, "-m", "portalis.cli"]

PROG = """import sys


def fact(n: int) -> int:
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


print("start", fact(20))
print("to stderr", file=sys.stderr)
name = input("name? ")
print("hello", name, fact(25))
n = int(input())
print("again", fact(n) % 1000003, len(str(fact(n))))
"""


def _python(src: Path, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(src)], input=stdin, capture_output=True, text=True, timeout=60)


def test_rerun_output_once_and_stdin_replayed_cli(tmp_path, toolchain):
    """`portalis run` with piped stdin: the first run read it, the rerun gets it again."""
    p = tmp_path / "fact.py"
    p.write_text(PROG)
    r = subprocess.run([*PORTALIS, "run", str(p)], input="bob\n40\n", capture_output=True, text=True, timeout=600)
    py = _python(p, "bob\n40\n")
    assert (r.returncode, r.stdout, r.stderr) == (py.returncode, py.stdout, py.stderr)
    assert r.stdout.count("start") == 1 and r.stderr.count("to stderr") == 1


def test_rerun_gets_stdin_the_first_run_read_ahead(tmp_path, toolchain):
    """wasmtime reads stdin in large chunks, ahead of what the program consumed: the rerun must
    still see every byte (portalis.pipeline._StdinRelay keeps what was read from fd 0)."""
    src = ("count = int(input())\nx = 2 ** 70\nprint('first', count, x)\ntotal = 0\n"
           "for _ in range(count):\n    total += int(input())\nprint(count, total)\n")
    p = tmp_path / "many.py"
    p.write_text(src)
    data = "29999\n" + "\n".join(str(i) for i in range(29999)) + "\n"  # 169 kB: several chunks
    r = subprocess.run([*PORTALIS, "run", str(p)], input=data, capture_output=True, text=True, timeout=600)
    py = _python(p, data)
    assert (r.returncode, r.stdout) == (py.returncode, py.stdout) == (0, "first 29999 1180591620717411303424\n"
                                                                         "29999 449955001\n"), r.stderr


def test_rerun_in_process_capture(tmp_path, toolchain):
    p = tmp_path / "fact.py"
    p.write_text(PROG)
    pr = run_program(PROG, str(p), stdin=b"ann\n30\n", toolchain=toolchain)
    py = _python(p, "ann\n30\n")
    assert pr.first is not None and pr.first.int_limit is not None
    assert pr.first.int_limit.line == 7
    assert pr.result is not None
    assert (pr.result.exit_code, pr.result.stdout.decode(), pr.result.stderr.decode()) == \
        (py.returncode, py.stdout, py.stderr)


def test_rerun_that_diverges_stops_loudly(tmp_path, toolchain):
    """The big-int run checks that it reproduces the first run's output byte for byte (hash);
    if not, it stops with an internal error instead of printing something else."""
    p = tmp_path / "fact.py"
    p.write_text(PROG)
    pr = run_program(PROG, str(p), stdin=b"ann\n30\n", toolchain=toolchain)
    assert pr.big is not None and pr.big.wasm_path is not None and pr.first is not None
    stop = pr.first.int_limit
    assert stop is not None
    wrong = dataclasses.replace(stop, out_hash=stop.out_hash ^ 1)
    r = run_wasm(pr.big.wasm_path, stdin=b"ann\n30\n", repeat_of=wrong)
    assert r.exit_code == 70
    assert b"printed different output than the first run" in r.stderr
    assert r.stdout == b""


def test_big_literal_module_constant(tmp_path, toolchain):
    src = ("MASK = 0xFFFFFFFFFFFFFFFF\nSEED = 14695981039346656037\n\n\n"
           "def mix(h: int, x: int) -> int:\n    return ((h ^ x) * 1099511628211) & MASK\n\n\n"
           "h = SEED\nfor x in range(10):\n    h = mix(h, x)\nprint(h, h > MASK // 2, hex(h))\n")
    p = tmp_path / "fnv.py"
    p.write_text(src)
    pr = run_program(src, str(p), toolchain=toolchain)
    py = _python(p, "")
    assert pr.result is not None and pr.result.stdout.decode() == py.stdout and pr.result.exit_code == 0
    assert pr.first is not None and pr.first.int_limit is not None and pr.first.int_limit.line == 1


def test_time_limit_covers_both_runs(tmp_path, toolchain):
    src = "x = 2 ** 70\nprint('big', x)\nwhile True:\n    x += 1\n"
    p = tmp_path / "spin.py"
    p.write_text(src)
    for mode in ("trap", "exit"):
        if mode == "exit":  # a watchdog ends the process: run it as the CLI does
            r = subprocess.run([*PORTALIS, "run", "--timeout", "1.5", str(p)], capture_output=True, text=True,
                               timeout=600)
            assert r.returncode == EXIT_TIMEOUT and r.stdout == "big 1180591620717411303424\n", r.stderr
            assert "time limit exceeded" in r.stderr
            continue
        pr = run_program(src, str(p), limits=Limits(timeout=1.5), toolchain=toolchain)
        assert pr.result is not None and pr.result.exit_code == EXIT_TIMEOUT
        assert pr.result.stdout == b"big 1180591620717411303424\n"


def test_64_bit_build_is_untouched_when_ints_fit(tmp_path, toolchain):
    src = "print(sum(range(1000)), 2 ** 62)\n"
    p = tmp_path / "small.py"
    p.write_text(src)
    pr = run_program(src, str(p), toolchain=toolchain)
    assert pr.first is None and pr.big is None
    assert pr.result is not None and pr.result.stdout == b"499500 4611686018427387904\n"
    assert pr.result.int_limit is None
    big = build_program(src, str(p), toolchain=toolchain, big_ints=True)
    assert big.wasm_path is not None and big.wasm_path != pr.build.wasm_path



def test_power_of_two_fits_where_its_squarings_did_not(tmp_path, toolchain):
    # |a| = 2**k: rt::bi_pow makes `a ** e` one shift, and a shift allocates its result once.
    # Before, the squarings held the last square, its operand and the multiplication's
    # temporaries, and a shift's `vec![0; n]` then `push` reallocated to twice the size: with a
    # 64 MB limit `2 ** 2 ** 28` (a 32 MB value) ran out of memory (the generator's
    # `2 ** 62 ** 5`, 114 MB, did under the default 512 MB where CPython needs 394 MB).
    src = "v = 2 ** 2 ** 28\nprint(v.bit_length())\n"
    p = tmp_path / "pow2.py"
    p.write_text(src)
    pr = run_program(src, str(p), limits=Limits(timeout=60, max_memory=64 << 20), toolchain=toolchain)
    assert pr.result is not None, pr
    assert (pr.result.exit_code, pr.result.stdout.decode()) == (0, f"{2 ** 28 + 1}\n"), pr.result.stderr
